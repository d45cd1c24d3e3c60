import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";

/**
 * The hardening suite runs the production build (`next build` with NEXT_DIST_DIR, default .next)
 * as `next start` processes on PostgreSQL, so it can count rows behind the server's back.
 */
export const distDir = process.env.NEXT_DIST_DIR || ".next";
export const pgUrl = process.env.HARDENING_DATABASE_URL || process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

export const AUTH_SECRET = "hardening-auth-secret-never-in-logs-0123456789";

/** A new, empty database `pm_h_*` on the PostgreSQL server; `drop` removes it. */
export async function freshPgDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const host = new URL(pgUrl).hostname;
  if (!["127.0.0.1", "localhost", "::1"].includes(host)) throw new Error(`Refusing a non-local database (${host}).`);
  const name = `pm_h_${randomBytes(5).toString("hex")}`;
  const admin = postgres(pgUrl, { max: 1, onnotice: () => {} });
  await admin`create database ${admin(name)}`;
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      await admin`drop database if exists ${admin(name)} with (force)`;
      await admin.end();
    },
  };
}

export interface AppServer {
  base: string;
  port: number;
  proc: ChildProcess;
  /** Everything the server wrote to stdout and stderr so far. */
  logs(): string;
  outbox: string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const bin = path.resolve("node_modules/.bin/next");

/** A fixed test port moved by TEST_PORT_OFFSET, so two checkouts can run the suite side by side. */
export const testPort = (n: number) => n + Number(process.env.TEST_PORT_OFFSET || 0);

/** Starts the built app on `port` and waits until /api/health answers (or `waitHealthy: false`). */
export async function startApp(opts: { port: number; env?: Record<string, string | undefined>; waitHealthy?: boolean }): Promise<AppServer> {
  const outbox = mkdtempSync(path.join(tmpdir(), "pm-h-outbox-"));
  const port = testPort(opts.port);
  const base = `http://127.0.0.1:${port}`;
  let out = "";
  const proc = spawn(bin, ["start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: distDir,
      APP_URL: base,
      AUTH_SECRET,
      MAIL_OUTBOX_DIR: outbox,
      DATA_DIR: mkdtempSync(path.join(tmpdir(), "pm-h-data-")),
      TEST_DATABASE_URL: undefined,
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: false,
  });
  proc.stdout!.on("data", (d) => (out += d));
  proc.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  const server: AppServer = {
    base,
    port,
    proc,
    outbox,
    logs: () => out,
    stop: async (signal = "SIGTERM") => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      await exited;
    },
  };
  if (opts.waitHealthy !== false) await waitFor(`${base}/api/health`, 90_000, () => out);
  return server;
}

export async function waitFor(url: string, timeoutMs: number, logs: () => string = () => ""): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms\n${logs().slice(-3000)}`);
}

/** Each server action of the build: its id, the file and export that define it, and a page that has it. */
export function serverActions(): { id: string; key: string; page: string }[] {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, v]) => ({
    id,
    key: `${v.filename}#${v.exportedName}`,
    page: Object.keys(v.workers)[0]!,
  }));
}

/** Pages and route handlers of the build, as app paths (e.g. "/(admin)/settings/page"). */
export function appPaths(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "app-paths-manifest.json"), "utf8")) as Record<string, string>;
  return Object.keys(manifest);
}

/** "/(admin)/settings/profile/partners/[id]/page" → "/settings/profile/partners/[id]". */
export function urlPattern(appPath: string): string {
  const p = appPath.replace(/\/(page|route)$/, "").replace(/\/\([^)]+\)/g, "");
  return p === "" ? "/" : p;
}

/** The HTTP methods a route handler file exports; a static metadata file (app/favicon.ico, app/icon.svg) is a GET. */
export function routeMethods(appPath: string): string[] {
  if (/\.(ico|svg|png|jpg|webmanifest|txt|xml)\/route$/.test(appPath)) return ["GET"];
  const source = readFileSync(path.join("app", `${appPath.replace(/^\//, "")}.ts`), "utf8");
  const methods = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:const|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) methods.add(m[1]!);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const name of m[1]!.split(",").map((s) => s.trim().split(/\s+as\s+/).at(-1)!)) {
      if (/^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(name)) methods.add(name);
    }
  }
  return [...methods].sort();
}
