/**
 * Issue 11, finding 4 (and 2's start-up half): the app refuses to start with a weak AUTH_SECRET or
 * INITIAL_API_CLIENT_SECRET, saying which variable and how to make a good one; with no secret at
 * all (the README's `npm start`) it still starts, on a generated secret.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { startApp, waitFor, type AppServer } from "./server";

/** Starts the app and waits until it has exited (it should), poking it so it initialises. */
async function refusedStart(port: number, env: Record<string, string | undefined>): Promise<{ app: AppServer; code: number | null }> {
  const app = await startApp({ port, env: { DATABASE_URL: undefined, ...env }, waitHealthy: false });
  const exited = new Promise<number | null>((resolve) => app.proc.once("exit", (code) => resolve(code)));
  const end = Date.now() + 60_000;
  let healthy = false;
  while (app.proc.exitCode === null && Date.now() < end) {
    const res = await fetch(`${app.base}/api/health`).catch(() => null);
    if (res?.ok) healthy = true;
    await new Promise((r) => setTimeout(r, 300));
  }
  assert.equal(healthy, false, `the app answered with a weak secret\n${app.logs().slice(-1500)}`);
  const code = app.proc.exitCode ?? (await Promise.race([exited, new Promise<null>((r) => setTimeout(() => r(null), 5000))]));
  await app.stop();
  return { app, code };
}

test("finding 4: a short or low-entropy AUTH_SECRET is refused at start, naming the variable and how to make one", async () => {
  for (const weak of ["changeme", "a".repeat(48), "secret".repeat(8)]) {
    const { app, code } = await refusedStart(3650, { AUTH_SECRET: weak });
    assert.notEqual(code, 0, "the process exits with an error");
    assert.match(app.logs(), /AUTH_SECRET/);
    assert.match(app.logs(), /openssl rand -base64 32/);
    assert.ok(!app.logs().includes(weak), "the secret itself is not printed");
  }
});

test("finding 2: an INITIAL_API_CLIENT_SECRET shorter than 32 characters is refused at start", async () => {
  const { app, code } = await refusedStart(3651, { INITIAL_API_CLIENT_ID: "weak-client", INITIAL_API_CLIENT_SECRET: "weak-client-secret-01234" });
  assert.notEqual(code, 0);
  assert.match(app.logs(), /INITIAL_API_CLIENT_SECRET.*openssl rand -base64 32/);
});

test("finding 4: with no AUTH_SECRET at all the app still starts (the secret is generated and kept in the database)", async () => {
  const app = await startApp({ port: 3652, env: { AUTH_SECRET: undefined, NEXTAUTH_SECRET: undefined, DATABASE_URL: undefined } });
  try {
    await waitFor(`${app.base}/api/health`, 30_000, app.logs);
    assert.equal((await fetch(`${app.base}/`)).status, 200);
  } finally {
    await app.stop();
  }
});
