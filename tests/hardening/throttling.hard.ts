/**
 * Issue 11, findings 2 and 3: the token endpoint is rate limited per client id and per address
 * (429, Retry-After, an OAuth error body), and the address is the socket's unless the app is told
 * it runs behind proxies (TRUSTED_PROXY_COUNT): a client-sent X-Forwarded-For buys no budget.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { freshPgDatabase, startApp, type AppServer } from "./server";

const CLIENT = { id: "throttle-client", secret: "throttle-client-secret-0123456789-abcdef" };
let pg: Awaited<ReturnType<typeof freshPgDatabase>>;
let direct: AppServer;
let proxied: AppServer;

before(async () => {
  pg = await freshPgDatabase();
  const env = { DATABASE_URL: pg.url, INITIAL_API_CLIENT_ID: CLIENT.id, INITIAL_API_CLIENT_SECRET: CLIENT.secret };
  direct = await startApp({ port: 3660, env });
  proxied = await startApp({ port: 3661, env: { ...env, TRUSTED_PROXY_COUNT: "1" } });
});
after(async () => {
  await Promise.all([direct?.stop(), proxied?.stop()]);
  await pg?.drop();
});

function token(app: AppServer, id: string, secret: string, headers: Record<string, string> = {}) {
  return fetch(`${app.base}/api/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: id, client_secret: secret }),
  });
}

async function assertSlowDown(res: Response): Promise<void> {
  assert.equal(res.status, 429);
  const retry = Number(res.headers.get("retry-after"));
  assert.ok(retry >= 1 && retry <= 60, `Retry-After: ${res.headers.get("retry-after")}`);
  const body = (await res.json()) as { error: string; error_description: string };
  assert.equal(body.error, "slow_down");
  assert.match(body.error_description, /Too many token requests/);
  assert.equal(res.headers.get("cache-control"), "no-store");
}

/** Sends requests until one is refused with 429; returns how many were answered otherwise. */
async function untilLimited(send: (i: number) => Promise<Response>, max: number): Promise<{ before: number; limited: Response | undefined }> {
  for (let i = 0; i < max; i++) {
    const res = await send(i);
    if (res.status === 429) return { before: i, limited: res };
    await res.arrayBuffer();
  }
  return { before: max, limited: undefined };
}

test("finding 2: guessing one client's secret is cut off with 429 slow_down and Retry-After, per client id", async () => {
  const spoof = (i: number) => ({ "x-forwarded-for": `198.51.100.${i % 250}` });
  const { before: answered, limited } = await untilLimited((i) => token(direct, CLIENT.id, `wrong-${i}`, spoof(i)), 40);
  assert.ok(limited, "no 429 after 40 wrong secrets for one client");
  assert.equal(answered, 30, "30 attempts per client id and minute");
  await assertSlowDown(limited!);
});

test("finding 3: with TRUSTED_PROXY_COUNT=0 a spoofed X-Forwarded-For does not buy a new per-address budget", async () => {
  // Every request names another client and claims another address: only the socket address counts.
  const { before: answered, limited } = await untilLimited(
    (i) => token(direct, `nobody-${i}`, "wrong", { "x-forwarded-for": `203.0.113.${i % 250}`, "x-real-ip": `192.0.2.${i % 250}`, "x-pm-socket-address": `10.9.8.${i % 250}` }),
    80,
  );
  assert.ok(limited, "no 429 from one address after 80 requests, each with another X-Forwarded-For");
  assert.ok(answered <= 60, `answered ${answered}`);
  await assertSlowDown(limited!);
});

test("finding 3: with TRUSTED_PROXY_COUNT=1 the proxy's entry (right-most) is the address; entries the client added do not count", async () => {
  // The client prepends a new fake address each time; the proxy appended the same real one.
  const spoofed = await untilLimited((i) => token(proxied, `nobody-a-${i}`, "wrong", { "x-forwarded-for": `203.0.113.${i % 250}, 198.51.100.7` }), 80);
  assert.ok(spoofed.limited, "the client's own X-Forwarded-For entries bought budget");
  assert.ok(spoofed.before <= 60);
  // Different real clients behind the proxy each have their own budget (so the socket, the proxy, is not what counts).
  for (let i = 0; i < 70; i++) {
    const res = await token(proxied, `nobody-b-${i}`, "wrong", { "x-forwarded-for": `198.51.100.${100 + i}` });
    assert.equal(res.status, 401, `client ${i} behind the proxy`);
  }
});
