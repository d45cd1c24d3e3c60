/**
 * The authorization matrix: every server action, page and route handler of the build × every kind
 * of caller × the organisation acted on (A: the partner callers' own; B: another; for customer
 * organisations also N, one no partner owns). Actions are
 * posted over HTTP as an attacker would. The entries are enumerated from the build's manifests, so
 * a new action, page or route that this table does not list fails the test.
 *
 * What each cell must answer is not written here but derived from the policy table
 * (ROLE_PERMISSIONS in lib/auth/policy.ts): an entry names the door it is reached through (the
 * admin app, the partner pages, the REST API, or public) and the permissions it needs, and a
 * caller gets in exactly when the door takes its kind and its role holds them all on the target
 * organisation. Every permission of every role must be exercised by some cell that allows it.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { PERMISSIONS, ROLE_PERMISSIONS, roleOf, type Permission, type Role } from "@/lib/auth/policy";
import { PENDING_ORG_MESSAGE } from "@/lib/partners/orgs";
import { ACTIONS, ACTOR, approved, expected, FRAMEWORK, freshEmail, PAGES, pending, ROUTES, type Cleanup, type Outcome, type Rule, type Targets } from "./authz-table";
import { appPaths, routeMethods, serverActions, urlPattern } from "./server";
import { Client } from "./client";
import { CALLERS, makeWorld, snapshot, tokenFor, type Caller, type Target, type World } from "./world";

/** Every cell's rule, with a name: what the coverage test reads. */
const RULES: Array<{ name: string; rule: Rule }> = [
  ...Object.entries(ACTIONS).map(([key, spec]) => ({ name: `action ${key.split("#")[1]}`, rule: spec.rule })),
  ...Object.entries(PAGES).flatMap(([pattern, specs]) => specs.map((spec, i) => ({ name: `page ${pattern}${specs.length > 1 ? ` (look ${i + 1})` : ""}`, rule: spec.rule }))),
  ...Object.entries(ROUTES).flatMap(([key, specs]) => [specs].flat().map((spec, i, all) => ({ name: `route ${key}${all.length > 1 ? ` (look ${i + 1})` : ""}`, rule: spec.rule }))),
];

/** Roles no HTTP caller has: the app itself (start-up tasks, fixtures) and nobody, who holds nothing. */
const NOT_CALLERS = new Set<Role>(["system", "anonymous"]);

test("every permission of every role in the policy table is exercised by a cell that allows it", () => {
  const roles = new Set(CALLERS.map((c) => roleOf(ACTOR[c])));
  const missing: string[] = [];
  for (const [role, permissions] of Object.entries(ROLE_PERMISSIONS) as Array<[Role, readonly Permission[]]>) {
    if (NOT_CALLERS.has(role)) continue;
    assert.ok(roles.has(role), `no caller of the matrix has the role ${role}: add one to CALLERS (world.ts)`);
    for (const permission of permissions) {
      assert.ok(permission in PERMISSIONS);
      const exercised = RULES.some(({ rule }) =>
        rule.needs.includes(permission) && CALLERS.some((c) => roleOf(ACTOR[c]) === role && (["A", "B"] as const).some((t) => expected(rule, c, t))),
      );
      if (!exercised) missing.push(`${role} → ${permission}`);
    }
  }
  assert.deepEqual(missing, [], "permissions no cell allows: give an action, page or route a rule that needs them");
});

let w: World;
let tokenIssued = 0;
before(async () => {
  w = await makeWorld(3620);
  tokenIssued = Date.now();
});

/**
 * The valid API client's access token lives 15 minutes, less than the whole matrix takes on a
 * loaded machine: ask for a new one before it runs out, as a real integrator would.
 */
async function freshApiToken(): Promise<void> {
  if (Date.now() - tokenIssued < 10 * 60_000) return;
  const token = await tokenFor(w.app.base, w.api.valid.id, w.api.valid.secret);
  assert.ok(token, "a new access token for the valid API client");
  w.clients.apiValid = new Client(w.app.base, token);
  tokenIssued = Date.now();
}
after(async () => {
  await w?.drop();
});

test("the table lists every server action, page and route handler of the build", () => {
  const actions = serverActions().map((a) => a.key);
  const pages: string[] = [];
  const routes: string[] = [];
  for (const p of appPaths()) {
    if (p.endsWith("/page")) {
      if (!FRAMEWORK.has(urlPattern(p))) pages.push(urlPattern(p));
    } else for (const m of routeMethods(p)) routes.push(`${urlPattern(p)} ${m}`);
  }
  assert.ok(actions.length >= 20 && pages.length >= 14 && routes.length >= 14, "the manifests were read");
  const missing = [...actions.filter((a) => !ACTIONS[a]), ...pages.filter((p) => !PAGES[p]), ...routes.filter((r) => !ROUTES[r])];
  assert.deepEqual(missing, [], "entries the authorization table does not list: add them with who may call them");
  const stale = [...Object.keys(ACTIONS).filter((a) => !actions.includes(a)), ...Object.keys(PAGES).filter((p) => !pages.includes(p)), ...Object.keys(ROUTES).filter((r) => !routes.includes(r))];
  assert.deepEqual(stale, [], "entries in the table that no longer exist");
});

interface Cell {
  name: string;
  rule: Rule;
  targets?: Targets;
  /** Builds the request (fresh rows where the call consumes them) and returns the call itself. */
  prepare(w: World, caller: Caller, target: Target): Promise<() => Promise<Outcome>>;
  cleanup?: Cleanup;
}

function cells(): Cell[] {
  const out: Cell[] = [];
  const byKey = new Map(serverActions().map((a) => [a.key, a]));
  for (const [key, spec] of Object.entries(ACTIONS)) {
    const meta = byKey.get(key);
    if (!meta) continue; // reported by the enumeration test
    out.push({
      name: `action ${key.split("#")[1]}`,
      rule: spec.rule,
      cleanup: spec.cleanup,
      targets: spec.targets,
      prepare: async (world, caller, target) => {
        const args = await spec.args(world, target, caller);
        return async () => {
          const call = await world.clients[caller].action(meta.id, "/", [args]);
          return { allowed: call.status === 200 && call.result?.ok === true, status: call.status, note: call.result?.message ?? call.text.slice(0, 120) };
        };
      },
    });
  }
  for (const [pattern, specs] of Object.entries(PAGES)) {
    specs.forEach((spec, i) =>
      out.push({
        name: `page ${pattern}${specs.length > 1 ? ` (look ${i + 1})` : ""}`,
        rule: spec.rule,
        cleanup: spec.cleanup,
        targets: spec.targets,
        prepare: async (world, caller, target) => {
          const path = await spec.path(world, target);
          return async () => {
            const res = await world.clients[caller].fetch(path);
            const body = await res.text();
            return { allowed: spec.allowed(res, body, world, target), status: res.status, note: res.headers.get("location") ?? "" };
          };
        },
      }),
    );
  }
  for (const [key, specs] of Object.entries(ROUTES)) {
    for (const [i, spec] of [specs].flat().entries()) out.push({
      name: `route ${key}${[specs].flat().length > 1 ? ` (look ${i + 1})` : ""}`,
      rule: spec.rule,
      targets: spec.targets,
      prepare: async (world, caller, target) => {
        const { path, init } = await spec.request(world, target, caller);
        return async () => {
          const res = await world.clients[caller].fetch(path, init as never);
          const body = await res.text();
          return { allowed: spec.allowed(res, body, world, target), status: res.status, note: body.slice(0, 120) };
        };
      },
    });
  }
  return out;
}

test("every cell: allowed exactly where the policy table says, and a denied call changes nothing", async () => {
  const all = cells();
  const wrong: string[] = [];
  let total = 0;
  let allowed = 0;
  for (const cell of all) {
    for (const caller of CALLERS) {
      if (caller === "apiValid") await freshApiToken();
      for (const target of cell.targets ?? (["A", "B"] as const)) {
        const expect = expected(cell.rule, caller, target);
        let got: Outcome;
        let changed = false;
        try {
          const send = await cell.prepare(w, caller, target);
          const before = await snapshot(w.database);
          got = await send();
          changed = (await snapshot(w.database)) !== before;
        } finally {
          await cell.cleanup?.(w, target, caller);
        }
        total++;
        if (got.allowed) allowed++;
        if (got.status >= 500 && !cell.name.startsWith("route /api/health")) wrong.push(`${cell.name} × ${caller} on ${target}: HTTP ${got.status} ${got.note}`);
        if (got.allowed !== expect) wrong.push(`${cell.name} × ${caller} on ${target}: expected ${expect ? "allow" : "deny"}, got ${got.allowed ? "allow" : "deny"} (HTTP ${got.status} ${got.note})`);
        if (!got.allowed && changed) wrong.push(`${cell.name} × ${caller} on ${target}: denied, but the data changed`);
      }
    }
  }
  console.log(`[authz] ${total} cells (${all.length} entries × ${CALLERS.length} callers × 2 or 3 targets): ${allowed} allowed, ${total - allowed} denied`);
  assert.deepEqual(wrong, []);
});

test("a pending organisation's users change nothing but its partner form", async () => {
  const byName = new Map(serverActions().map((a) => [a.key.split("#")[1]!, a.id]));
  await pending(w, "A");
  try {
    const before = await snapshot(w.database);
    const invite = await w.clients.partnerAdminA.action(byName.get("inviteMemberAction")!, "/", [{ orgId: w.orgA.id, email: freshEmail(), role: "viewer" }]);
    assert.equal(invite.result?.ok, false);
    assert.equal(invite.result?.message, PENDING_ORG_MESSAGE);
    assert.equal(await snapshot(w.database), before);
    const form = await w.clients.partnerAdminA.action(byName.get("completePartnerFormAction")!, "/", [{ name: w.orgA.name, zuoraAccountId: "A0001", invoiceOwner: "partner" }]);
    assert.equal(form.result?.ok, true, form.text.slice(0, 200));
  } finally {
    await approved(w, "A");
  }
});
