/**
 * The authorization matrix: every server action, page and route handler of the build × every kind
 * of caller × the organisation acted on (A: the partner callers' own; B: another). Actions are
 * posted over HTTP as an attacker would. The entries are enumerated from the build's manifests, so
 * a new action, page or route that this table does not list fails the test.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { systemActor } from "@/lib/auth/actor";
import { createApiClient } from "@/lib/api-clients/api-clients";
import { createPartnerUser } from "@/lib/partners/users";
import { createScimToken } from "@/lib/scim/tokens";
import { issueToken } from "@/lib/password-links/tokens";
import { appPaths, routeMethods, serverActions, urlPattern } from "./server";
import { CALLERS, makeAdmin, makeOrg, makePartnerUser, makeWorld, setOrgStatus, snapshot, uniq, type Caller, type Target, type World } from "./world";

type Outcome = { allowed: boolean; status: number; note: string };
type Expect = (caller: Caller, target: Target) => boolean;
interface Cell {
  /** Builds the request (fresh rows where the call consumes them) and returns the call itself. */
  prepare(w: World, caller: Caller, target: Target): Promise<() => Promise<Outcome>>;
  expect: Expect;
  cleanup?(w: World, target: Target): Promise<void>;
}

const ADMINS = new Set<Caller>(["adminViewer", "adminAdmin", "adminOwner"]);
const WRITERS = new Set<Caller>(["adminAdmin", "adminOwner"]);
const anyAdmin: Expect = (c) => ADMINS.has(c);
const adminWriter: Expect = (c) => WRITERS.has(c);
const everyone: Expect = () => true;
const partnerAdminOwnOrg: Expect = (c, t) => c === "partnerAdminA" && t === "A";
const partnerOwnOrg: Expect = (c, t) => c.startsWith("partner") && t === "A";
const apiClient: Expect = (c) => c === "apiValid";
/** Only org A's unrevoked SCIM token, and only on A's base URL. */
const scimOwnOrg: Expect = (c, t) => c === "scimA" && t === "A";

const org = (w: World, t: Target) => (t === "A" ? w.orgA : w.orgB);
const freshEmail = () => `${uniq("m")}@matrix.example`;
const invitedUser = async (w: World, t: Target) => createPartnerUser(w.database.db, systemActor, org(w, t).id, { email: freshEmail(), role: "viewer" });

/** A server action cell: allowed means the action answered `{ ok: true }`. */
function action(args: (w: World, t: Target, c: Caller) => Promise<unknown>, expect: Expect, cleanup?: Cell["cleanup"]): Omit<Cell, "prepare"> & { args: typeof args } {
  return { args, expect, cleanup };
}

const ACTIONS: Record<string, ReturnType<typeof action>> = {
  "app/(admin)/settings/admins/actions/change-admin-role.ts#changeAdminRoleAction": action(async (w) => ({ id: (await makeAdmin(w.database, "viewer", false)).id, role: "admin" }), adminWriter),
  "app/(admin)/settings/admins/actions/remove-admin.ts#removeAdminAction": action(async (w) => ({ id: (await makeAdmin(w.database, "viewer", false)).id }), adminWriter),
  "app/(admin)/settings/admins/actions/invite-admin.ts#inviteAdminAction": action(async () => ({ email: freshEmail(), role: "viewer" }), adminWriter),
  "app/(admin)/settings/api-clients/actions/create-api-client.ts#createApiClientAction": action(async () => ({ name: uniq("client") }), adminWriter),
  "app/(admin)/settings/api-clients/actions/revoke-api-client.ts#revokeApiClientAction": action(
    async (w) => ({ id: (await createApiClient(w.database.db, systemActor, { name: uniq("to revoke") })).client.id }),
    adminWriter,
  ),
  "app/(admin)/settings/profile/partners/actions/create-partner.ts#createPartnerAction": action(async () => ({ name: uniq("New org"), zuoraAccountId: "A0001", invoiceOwner: "partner" }), adminWriter),
  "app/(admin)/settings/profile/partners/actions/invite-partner.ts#invitePartnerAction": action(
    async () => ({ name: uniq("Invited org"), primaryContactName: "Pat Contact", primaryContactEmail: freshEmail() }),
    adminWriter,
  ),
  "app/(admin)/settings/profile/partners/actions/import-users.ts#importUsersAction": action(async (w, t) => ({ orgId: org(w, t).id, csv: `Email address\n${freshEmail()}\n` }), adminWriter),
  "app/(admin)/settings/profile/partners/actions/preview-import.ts#previewImportAction": action(async (w, t) => ({ orgId: org(w, t).id, csv: `Email address\n${freshEmail()}\n` }), adminWriter),
  // Partner callers aim at the real org A or B; the others get a throwaway org so A and B survive.
  "app/(admin)/settings/profile/partners/actions/delete-partner.ts#deletePartnerAction": action(
    async (w, t, c) => ({ id: c.startsWith("partner") ? org(w, t).id : (await makeOrg(w.database)).id, confirm: true }),
    adminWriter,
  ),
  "app/(admin)/settings/profile/partners/actions/update-partner.ts#updatePartnerAction": action(
    async (w, t) => ({ id: org(w, t).id, name: org(w, t).name, logo: "https://logos.example/matrix.png" }),
    adminWriter,
  ),
  "app/(admin)/settings/profile/partners/actions/create-scim-token.ts#createScimTokenAction": action(async (w, t) => ({ orgId: org(w, t).id, description: uniq("tok") }), adminWriter),
  "app/(admin)/settings/profile/partners/actions/revoke-scim-token.ts#revokeScimTokenAction": action(
    async (w, t) => ({ orgId: org(w, t).id, id: (await createScimToken(w.database.db, systemActor, org(w, t).id, {})).row.id }),
    adminWriter,
  ),
  "app/(admin)/settings/profile/partners/actions/create-user.ts#createUserAction": action(async (w, t) => ({ orgId: org(w, t).id, email: freshEmail() }), adminWriter),
  "app/(admin)/settings/profile/partners/actions/delete-user.ts#deleteUserAction": action(async (w, t) => ({ orgId: org(w, t).id, userId: (await invitedUser(w, t)).id }), adminWriter),
  "app/(admin)/settings/profile/partners/actions/resend-invitation.ts#resendInvitationAction": action(async (w, t) => ({ orgId: org(w, t).id, userId: (await invitedUser(w, t)).id }), adminWriter),
  "app/(admin)/settings/profile/partners/actions/revoke-invitation.ts#revokeInvitationAction": action(async (w, t) => ({ orgId: org(w, t).id, userId: (await invitedUser(w, t)).id }), adminWriter),
  "app/(admin)/settings/profile/partners/actions/send-password-reset.ts#sendPasswordResetAction": action(
    async (w, t) => ({ orgId: org(w, t).id, userId: (await makePartnerUser(w.database, org(w, t).id, "viewer")).id }),
    adminWriter,
  ),
  // The link is the credential: whoever holds a valid token may use it, signed in or not.
  "app/(links)/actions/set-password.ts#setPasswordAction": action(async (w, t) => {
    const user = await invitedUser(w, t);
    const { token } = await issueToken(w.database.db, { principalKind: "partner_user", principalId: user.id, purpose: "invite", ttlHours: 1 });
    return { token, purpose: "invite", password: "matrix-password-123", confirm: "matrix-password-123" };
  }, everyone),
  "app/partner/actions/invite-member.ts#inviteMemberAction": action(async (w, t) => ({ orgId: org(w, t).id, email: freshEmail(), role: "viewer" }), partnerAdminOwnOrg),
  "app/partner/actions/change-member-role.ts#changeMemberRoleAction": action(
    async (w, t) => ({ orgId: org(w, t).id, userId: (await invitedUser(w, t)).id, role: "maintainer" }),
    partnerAdminOwnOrg,
  ),
  "app/partner/actions/remove-member.ts#removeMemberAction": action(async (w, t) => ({ orgId: org(w, t).id, userId: (await invitedUser(w, t)).id }), partnerAdminOwnOrg),
  // The form acts on the caller's own org: the target org is made pending; B stays untouched for A's Admin.
  "app/partner/complete/actions/complete-partner-form.ts#completePartnerFormAction": action(
    async (w, t) => {
      await setOrgStatus(w.database, org(w, t).id, "pending");
      return { name: org(w, t).name, zuoraAccountId: "A0001", invoiceOwner: "partner" };
    },
    partnerAdminOwnOrg,
    async (w, t) => setOrgStatus(w.database, org(w, t).id, "approved"),
  ),
  // Public by design: the answer is the same whether or not the email exists.
  "app/partner/actions/request-password-reset.ts#requestPasswordResetAction": action(async () => ({ email: freshEmail() }), everyone),
};

type PageSpec = { path: (w: World, t: Target) => Promise<string> | string; allowed: (res: Response, body: string, w: World, t: Target) => boolean; expect: Expect; cleanup?: Cell["cleanup"] };
const ok200 = (res: Response) => res.status === 200;
const reachable = (res: Response) => res.status < 400;
const shows = (what: (w: World, t: Target) => string) => (res: Response, body: string, w: World, t: Target) => res.status === 200 && body.includes(what(w, t));
const adminLanding = (res: Response) => res.status === 200 || (res.status >= 300 && res.status < 400 && /\/settings\//.test(res.headers.get("location") ?? ""));
const tokenPath = (kind: "invite" | "reset") => async (w: World, t: Target) => {
  const user = await invitedUser(w, t);
  const { token } = await issueToken(w.database.db, { principalKind: "partner_user", principalId: user.id, purpose: kind, ttlHours: 1 });
  return `/${kind === "invite" ? "invite" : "reset-password"}/${token}`;
};
const escName = (w: World, t: Target) => org(w, t).name;

const PAGES: Record<string, PageSpec> = {
  "/": { path: () => "/", allowed: reachable, expect: everyone },
  "/activity": { path: () => "/activity", allowed: ok200, expect: anyAdmin },
  "/api-reference": { path: () => "/api-reference", allowed: ok200, expect: anyAdmin },
  "/settings": { path: () => "/settings", allowed: adminLanding, expect: anyAdmin },
  "/settings/profile": { path: () => "/settings/profile", allowed: adminLanding, expect: anyAdmin },
  "/settings/admins": { path: () => "/settings/admins", allowed: ok200, expect: anyAdmin },
  "/settings/api-clients": { path: () => "/settings/api-clients", allowed: ok200, expect: anyAdmin },
  "/settings/profile/partners": { path: (w, t) => `/settings/profile/partners?q=${encodeURIComponent(org(w, t).name)}`, allowed: shows(escName), expect: anyAdmin },
  "/settings/profile/partners/[id]": { path: (w, t) => `/settings/profile/partners/${org(w, t).id}`, allowed: shows(escName), expect: anyAdmin },
  "/invite/[token]": { path: tokenPath("invite"), allowed: shows(() => "Set password"), expect: everyone },
  "/reset-password/[token]": { path: tokenPath("reset"), allowed: shows(() => "Set password"), expect: everyone },
  "/partner/forgot-password": { path: () => "/partner/forgot-password", allowed: ok200, expect: everyone },
  // /partner shows the caller's own organisation: never B's, whoever asks.
  "/partner": { path: () => "/partner", allowed: shows(escName), expect: partnerOwnOrg },
  "/partner/orgs/[orgId]": { path: (w, t) => `/partner/orgs/${org(w, t).id}`, allowed: shows(escName), expect: partnerOwnOrg },
  "/partner/complete": {
    path: async (w, t) => {
      await setOrgStatus(w.database, org(w, t).id, "pending");
      return "/partner/complete";
    },
    allowed: shows(escName),
    expect: partnerOwnOrg,
    cleanup: async (w, t) => setOrgStatus(w.database, org(w, t).id, "approved"),
  },
};
/** Next's own pages, rendered for every caller alike. */
const FRAMEWORK = new Set(["/_global-error", "/_not-found"]);

type RouteSpec = { request: (w: World, t: Target, c: Caller) => Promise<{ path: string; init?: RequestInit }>; allowed: (res: Response) => boolean; expect: Expect };
const API = "/api/partner-management";
const json = (method: string, body: unknown): RequestInit => ({ method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const success = (res: Response) => res.status >= 200 && res.status < 300;
const csv = (res: Response) => res.status === 200 && (res.headers.get("content-type") ?? "").includes("text/csv");

const ROUTES: Record<string, RouteSpec> = {
  // next-auth's own endpoints are public (sign-in, csrf, session): reachable by all, never a 5xx.
  "/api/auth/[...nextauth] GET": { request: async () => ({ path: "/api/auth/session" }), allowed: reachable, expect: everyone },
  "/api/auth/[...nextauth] POST": { request: async () => ({ path: "/api/auth/_log", init: { method: "POST" } }), allowed: (r) => r.status < 500, expect: everyone },
  "/api/health GET": { request: async () => ({ path: "/api/health" }), allowed: success, expect: everyone },
  "/api/openapi.json GET": { request: async () => ({ path: "/api/openapi.json" }), allowed: success, expect: everyone },
  // Each caller presents what it has: API clients their credentials, everyone else their cookies.
  "/api/oauth/token POST": {
    request: async (w, _t, c) => {
      const creds = c === "apiValid" ? w.api.valid : c === "apiRevoked" ? w.api.revoked : undefined;
      const basic = creds ? `Basic ${Buffer.from(`${creds.id}:${creds.secret}`).toString("base64")}` : "Basic Og==";
      const body = new URLSearchParams({ grant_type: "client_credentials" });
      return { path: "/api/oauth/token", init: { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", authorization: basic }, body } };
    },
    allowed: success,
    expect: apiClient,
  },
  "/api/partner-management/partner-organisations GET": { request: async () => ({ path: `${API}/partner-organisations` }), allowed: success, expect: apiClient },
  "/api/partner-management/partner-organisation POST": {
    request: async () => ({ path: `${API}/partner-organisation`, init: json("POST", { name: uniq("api org"), zuoraAccountId: "A1", isZuoraInvoiceOwner: true }) }),
    allowed: success,
    expect: apiClient,
  },
  "/api/partner-management/partner-organisation/[partnerOrganisationId] POST": {
    request: async (w, t) => ({ path: `${API}/partner-organisation/${org(w, t).id}`, init: json("POST", { email: freshEmail() }) }),
    allowed: success,
    expect: apiClient,
  },
  "/api/partner-management/partner-organisation/[partnerOrganisationId] PUT": {
    request: async (w, t) => ({ path: `${API}/partner-organisation/${org(w, t).id}`, init: json("PUT", { name: org(w, t).name }) }),
    allowed: success,
    expect: apiClient,
  },
  "/api/partner-management/partner-organisation/[partnerOrganisationId] DELETE": {
    request: async (w) => ({ path: `${API}/partner-organisation/${(await makeOrg(w.database)).id}`, init: { method: "DELETE" } }),
    allowed: success,
    expect: apiClient,
  },
  "/api/partner-management/partner-organisation/[partnerOrganisationId]/users GET": {
    request: async (w, t) => ({ path: `${API}/partner-organisation/${org(w, t).id}/users` }),
    allowed: success,
    expect: apiClient,
  },
  "/api/partner-management/partner-organisation/[partnerOrganisationId]/[partnerUserId] DELETE": {
    request: async (w, t) => ({ path: `${API}/partner-organisation/${org(w, t).id}/${(await invitedUser(w, t)).id}`, init: { method: "DELETE" } }),
    allowed: success,
    expect: apiClient,
  },
  ...scimRoutes(),
  "/settings/profile/partners/export GET": { request: async () => ({ path: "/settings/profile/partners/export" }), allowed: csv, expect: anyAdmin },
  "/settings/profile/partners/[id]/users/export GET": { request: async (w, t) => ({ path: `/settings/profile/partners/${org(w, t).id}/users/export` }), allowed: csv, expect: anyAdmin },
};

/** Every SCIM endpoint, aimed at the target org's base URL; each caller sends what it holds as the bearer. */
function scimRoutes(): Record<string, RouteSpec> {
  const base = (w: World, t: Target) => `/api/scim/v2/${org(w, t).id}`;
  const scimJson = (method: string, body: unknown): RequestInit => ({ method, headers: { "content-type": "application/scim+json" }, body: JSON.stringify(body) });
  const user = async (w: World, t: Target) => `${base(w, t)}/Users/${(await invitedUser(w, t)).id}`;
  const P = "/api/scim/v2/[partnerOrganisationId]";
  const get = (path: (w: World, t: Target) => string): RouteSpec => ({ request: async (w, t) => ({ path: path(w, t) }), allowed: success, expect: scimOwnOrg });
  return {
    [`${P}/ServiceProviderConfig GET`]: get((w, t) => `${base(w, t)}/ServiceProviderConfig`),
    [`${P}/ResourceTypes GET`]: get((w, t) => `${base(w, t)}/ResourceTypes`),
    [`${P}/ResourceTypes/[id] GET`]: get((w, t) => `${base(w, t)}/ResourceTypes/User`),
    [`${P}/Schemas GET`]: get((w, t) => `${base(w, t)}/Schemas`),
    [`${P}/Schemas/[id] GET`]: get((w, t) => `${base(w, t)}/Schemas/urn:ietf:params:scim:schemas:core:2.0:User`),
    [`${P}/Users GET`]: get((w, t) => `${base(w, t)}/Users?filter=${encodeURIComponent(`userName eq "${w.emails.pViewer}"`)}`),
    [`${P}/Users POST`]: {
      request: async (w, t) => ({ path: `${base(w, t)}/Users`, init: scimJson("POST", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: freshEmail() }) }),
      allowed: success,
      expect: scimOwnOrg,
    },
    [`${P}/Users/[id] GET`]: { request: async (w, t) => ({ path: await user(w, t) }), allowed: success, expect: scimOwnOrg },
    [`${P}/Users/[id] PUT`]: {
      request: async (w, t) => ({ path: await user(w, t), init: scimJson("PUT", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: freshEmail(), active: true }) }),
      allowed: success,
      expect: scimOwnOrg,
    },
    [`${P}/Users/[id] PATCH`]: {
      request: async (w, t) => ({ path: await user(w, t), init: scimJson("PATCH", { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", value: { active: false } }] }) }),
      allowed: success,
      expect: scimOwnOrg,
    },
    [`${P}/Users/[id] DELETE`]: { request: async (w, t) => ({ path: await user(w, t), init: { method: "DELETE" } }), allowed: success, expect: scimOwnOrg },
  };
}

let w: World;
before(async () => {
  w = await makeWorld(3620);
});
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

test("every cell: allowed exactly where the table says, and a denied call changes nothing", async () => {
  const cells: Array<{ name: string; cell: Cell }> = [];
  const byKey = new Map(serverActions().map((a) => [a.key, a]));
  for (const [key, spec] of Object.entries(ACTIONS)) {
    const meta = byKey.get(key);
    if (!meta) continue; // reported by the enumeration test
    cells.push({
      name: `action ${key.split("#")[1]}`,
      cell: {
        expect: spec.expect,
        cleanup: spec.cleanup,
        prepare: async (world, caller, target) => {
          const args = await spec.args(world, target, caller);
          return async () => {
          const call = await world.clients[caller].action(meta.id, "/", [args]);
          return { allowed: call.status === 200 && call.result?.ok === true, status: call.status, note: call.result?.message ?? call.text.slice(0, 120) };
          };
        },
      },
    });
  }
  for (const [pattern, spec] of Object.entries(PAGES)) {
    cells.push({
      name: `page ${pattern}`,
      cell: {
        expect: spec.expect,
        cleanup: spec.cleanup,
        prepare: async (world, caller, target) => {
          const path = await spec.path(world, target);
          return async () => {
          const res = await world.clients[caller].fetch(path);
          const body = await res.text();
          return { allowed: spec.allowed(res, body, world, target), status: res.status, note: res.headers.get("location") ?? "" };
          };
        },
      },
    });
  }
  for (const [key, spec] of Object.entries(ROUTES)) {
    cells.push({
      name: `route ${key}`,
      cell: {
        expect: spec.expect,
        prepare: async (world, caller, target) => {
          const { path, init } = await spec.request(world, target, caller);
          return async () => {
          const res = await world.clients[caller].fetch(path, init as never);
          const body = await res.text();
          return { allowed: spec.allowed(res), status: res.status, note: body.slice(0, 120) };
          };
        },
      },
    });
  }

  const wrong: string[] = [];
  let total = 0;
  let allowed = 0;
  for (const { name, cell } of cells) {
    for (const caller of CALLERS) {
      for (const target of ["A", "B"] as const) {
        const expected = cell.expect(caller, target);
        let got: Outcome;
        let changed = false;
        try {
          const send = await cell.prepare(w, caller, target);
          const before = await snapshot(w.database);
          got = await send();
          changed = (await snapshot(w.database)) !== before;
        } finally {
          await cell.cleanup?.(w, target);
        }
        total++;
        if (got.allowed) allowed++;
        if (got.status >= 500 && !name.startsWith("route /api/health")) wrong.push(`${name} × ${caller} on ${target}: HTTP ${got.status} ${got.note}`);
        if (got.allowed !== expected) wrong.push(`${name} × ${caller} on ${target}: expected ${expected ? "allow" : "deny"}, got ${got.allowed ? "allow" : "deny"} (HTTP ${got.status} ${got.note})`);
        if (!got.allowed && changed) wrong.push(`${name} × ${caller} on ${target}: denied, but the data changed`);
      }
    }
  }
  console.log(`[authz] ${total} cells (${cells.length} entries × ${CALLERS.length} callers × 2 orgs): ${allowed} allowed, ${total - allowed} denied`);
  assert.deepEqual(wrong, []);
});
