/**
 * Security headers and cookies of the production server, and a run through every kind of sign-in,
 * invitation, API client and API call whose server log must hold no secret, token or hash.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { Client } from "./client";
import { fakeSmtp } from "./smtp";
import { AUTH_SECRET, freshPgDatabase, serverActions, startApp, testPort, type AppServer } from "./server";
import { tokenFor, uniq } from "./world";

const ADMIN = { INITIAL_ADMIN_EMAIL: "owner@headers.example", INITIAL_ADMIN_PASSWORD: "headers-owner-Pa55word" };
const CLIENT = { INITIAL_API_CLIENT_ID: "headers-client", INITIAL_API_CLIENT_SECRET: "headers-client-secret-abcdef0123456789" };
const action = (name: string) => serverActions().find((a) => a.key.endsWith(`#${name}`))!.id;

async function withApp<T>(port: number, env: Record<string, string>, fn: (app: AppServer) => Promise<T>): Promise<T> {
  const db = await freshPgDatabase();
  const app = await startApp({ port, env: { DATABASE_URL: db.url, ...ADMIN, ...CLIENT, ...env } });
  try {
    return await fn(app);
  } finally {
    await app.stop();
    await db.drop();
  }
}

test("pages: a nonce CSP (new nonce per response, on every script), frame-ancestors 'none', and the other headers; HSTS in production", async () => {
  await withApp(3628, {}, async (app) => {
    const nonces = new Set<string>();
    for (const p of ["/", "/partner", "/partner/forgot-password"]) {
      const res = await fetch(app.base + p);
      const html = await res.text();
      const csp = res.headers.get("content-security-policy") ?? "";
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
      assert.ok(nonce, `${p}: a nonce in ${csp}`);
      nonces.add(nonce);
      assert.match(csp, /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      assert.doesNotMatch(csp, /script-src[^;]*'unsafe-inline'/);
      assert.doesNotMatch(csp, /'unsafe-eval'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.match(csp, /object-src 'none'/);
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      assert.ok(scripts.length > 0);
      for (const s of scripts) assert.ok(s.includes(`nonce="${nonce}"`), `${p}: script without the nonce: ${s}`);
      assert.equal(res.headers.get("x-content-type-options"), "nosniff");
      assert.equal(res.headers.get("referrer-policy"), "strict-origin-when-cross-origin");
      assert.equal(res.headers.get("x-frame-options"), "DENY");
      assert.match(res.headers.get("strict-transport-security") ?? "", /max-age=\d{7,}/);
      assert.equal(res.headers.get("x-powered-by"), null);
    }
    assert.equal(nonces.size, 3, "a fresh nonce for each response");
    // API responses carry the same protective headers, and are never cached.
    const api = await fetch(`${app.base}/api/partner-management/partner-organisations`);
    assert.equal(api.status, 401);
    assert.equal(api.headers.get("x-content-type-options"), "nosniff");
    assert.match(api.headers.get("strict-transport-security") ?? "", /max-age=/);
    assert.equal(api.headers.get("cache-control"), "no-store");
  });
});

const cookieFlags = (res: string[], name: RegExp) => res.filter((c) => name.test(c.split("=")[0]!));

test("session cookies are HttpOnly and SameSite=Lax, and Secure with __Secure- names when APP_URL is https", async () => {
  for (const https of [false, true]) {
    await withApp(3629, https ? { APP_URL: "https://partners.example" } : {}, async (app) => {
      const csrfRes = await fetch(`${app.base}/api/auth/csrf`);
      const csrf = ((await csrfRes.json()) as { csrfToken: string }).csrfToken;
      const jar = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
      const res = await fetch(`${app.base}/api/auth/callback/admin`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
        body: new URLSearchParams({ csrfToken: csrf, email: ADMIN.INITIAL_ADMIN_EMAIL, password: ADMIN.INITIAL_ADMIN_PASSWORD, json: "true" }),
      });
      const set = [...csrfRes.headers.getSetCookie(), ...res.headers.getSetCookie()];
      const session = cookieFlags(set, /session-token$/);
      assert.equal(session.length, 1, `a session cookie (${set.join(" | ")})`);
      for (const c of set) {
        assert.match(c, /;\s*HttpOnly/i, c);
        assert.match(c, /;\s*SameSite=Lax/i, c);
        if (https) assert.match(c, /;\s*Secure/i, c);
      }
      if (https) assert.match(session[0]!, /^__Secure-next-auth\.session-token=/);
      else assert.doesNotMatch(session[0]!, /;\s*Secure/i);
    });
  }
});

const decodeQp = (text: string) => text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
const linkIn = (text: string) => /https?:\/\/[^\s"<>]+\/(invite|reset-password)\/([A-Za-z0-9_-]+)/.exec(decodeQp(text));

/**
 * Everything a day of use does, through HTTP: sign-ins right and wrong, an org, an invited
 * partner user who sets a password and signs in, an API client created and used, a password reset.
 * Returns every secret it saw, to look for in the server's log.
 */
async function aDayOfUse(app: AppServer, nextLink: () => Promise<string>): Promise<string[]> {
  const secrets = [AUTH_SECRET, ADMIN.INITIAL_ADMIN_PASSWORD, CLIENT.INITIAL_API_CLIENT_SECRET];
  const admin = new Client(app.base);
  const wrong = "wrong-Passw0rd-attempt";
  secrets.push(wrong);
  assert.equal(await new Client(app.base).signIn("admin", ADMIN.INITIAL_ADMIN_EMAIL, wrong), false);
  assert.ok(await admin.signIn("admin", ADMIN.INITIAL_ADMIN_EMAIL, ADMIN.INITIAL_ADMIN_PASSWORD));
  secrets.push(admin.cookies.get("next-auth.session-token") ?? admin.cookies.get("__Secure-next-auth.session-token")!);
  const org = await admin.action(action("createPartnerAction"), "/", [{ name: uniq("Secrets org"), zuoraAccountId: "A0001", invoiceOwner: "partner" }]);
  const orgId = (org.result!.data as { id: string }).id;
  const email = `${uniq("secret-user")}@partner.example`;
  assert.equal((await admin.action(action("createUserAction"), "/", [{ orgId, email }])).result?.ok, true);
  const invite = await nextLink();
  const inviteToken = invite.split("/").at(-1)!;
  const partnerPassword = "partner-Secret-pw-987";
  secrets.push(partnerPassword);
  const set = await new Client(app.base).action(action("setPasswordAction"), "/", [{ token: inviteToken, purpose: "invite", password: partnerPassword, confirm: partnerPassword }]);
  assert.equal(set.result?.ok, true, set.text.slice(0, 300));
  const partner = new Client(app.base);
  assert.ok(await partner.signIn("partner", email, partnerPassword));
  assert.equal(await new Client(app.base).signIn("partner", email, `${partnerPassword}-typo`), false);
  secrets.push(`${partnerPassword}-typo`);
  const created = await admin.action(action("createApiClientAction"), "/", [{ name: uniq("secret client") }]);
  const { id, secret } = created.result!.data as { id: string; secret: string };
  secrets.push(secret);
  const token = await tokenFor(app.base, id, secret);
  assert.ok(token);
  secrets.push(token);
  const bad = await fetch(`${app.base}/api/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: id, client_secret: `${secret}x` }),
  });
  assert.equal(bad.status, 401);
  secrets.push(`${secret}x`);
  const api = new Client(app.base, token);
  assert.equal((await api.fetch("/api/partner-management/partner-organisations")).status, 200);
  assert.equal((await new Client(app.base, `${token}tampered`).fetch("/api/partner-management/partner-organisations")).status, 401);
  assert.equal((await admin.action(action("sendPasswordResetAction"), "/", [{ orgId, userId: (await partnerUserId(api, orgId, email))! }])).result?.ok, true);
  const reset = await nextLink();
  // Pages and responses never show a hash or the auth secret either.
  for (const p of ["/settings/api-clients", "/settings/admins", `/settings/profile/partners/${orgId}`]) {
    const html = await (await admin.fetch(p)).text();
    assert.ok(!html.includes("$argon2") && !html.includes(AUTH_SECRET) && !html.includes(secret), `${p} shows a secret`);
  }
  return [...secrets, inviteToken, reset.split("/").at(-1)!];
}

async function partnerUserId(api: Client, orgId: string, email: string): Promise<string | undefined> {
  const res = await api.fetch(`/api/partner-management/partner-organisation/${orgId}/users`);
  return ((await res.json()) as { items: { id: string; data: { email: string } }[] }).items.find((u) => u.data.email === email)?.id;
}

function assertLogClean(logs: string, secrets: string[]) {
  assert.ok(logs.length > 0);
  assert.ok(!logs.includes("$argon2"), "a password hash in the log");
  for (const s of secrets) assert.ok(!logs.includes(s), `a secret in the log: ${s.slice(0, 6)}…`);
}

test("no secret, token, password or hash in the server log (SMTP mode: not even the mailed links)", async () => {
  const smtp = fakeSmtp(testPort(3643));
  try {
    await withApp(3630, { SMTP_URL: `smtp://127.0.0.1:${testPort(3643)}` }, async (app) => {
      let seen = 0;
      const nextLink = async () => {
        for (let i = 0; i < 100 && smtp.mails.length <= seen; i++) await new Promise((r) => setTimeout(r, 100));
        const m = linkIn(smtp.mails[seen++] ?? "");
        assert.ok(m, "a link in the mail");
        return m[0];
      };
      const secrets = await aDayOfUse(app, nextLink);
      assertLogClean(app.logs(), secrets);
    });
  } finally {
    smtp.server.close();
  }
});

test("outbox mode (no SMTP_URL): only the mailed one-time links are logged, as issue 4 requires; nothing else", async () => {
  await withApp(3631, {}, async (app) => {
    let seen = 0;
    const nextLink = async () => {
      for (let i = 0; i < 100 && readdirSync(app.outbox).length <= seen; i++) await new Promise((r) => setTimeout(r, 100));
      const file = readdirSync(app.outbox).sort()[seen++]!;
      const m = linkIn(readFileSync(path.join(app.outbox, file), "utf8"));
      assert.ok(m);
      return m[0];
    };
    const secrets = await aDayOfUse(app, nextLink);
    const linkTokens = secrets.slice(-2);
    for (const t of linkTokens) assert.ok(app.logs().includes(t), "the outbox link is logged (issue 4)");
    assertLogClean(app.logs(), secrets.slice(0, -2));
  });
});
