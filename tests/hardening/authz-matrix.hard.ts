/**
 * The authorization matrix: every server action, page and route handler of the build × every kind
 * of caller × the organisation acted on (A: the partner callers' own; B: another). Actions are
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
import { systemActor, type Actor } from "@/lib/auth/actor";
import { can, PERMISSIONS, ROLE_PERMISSIONS, roleOf, type Permission, type Role } from "@/lib/auth/policy";
import { createApiClient } from "@/lib/api-clients/api-clients";
import { PENDING_ORG_MESSAGE } from "@/lib/partners/orgs";
import { createPartnerUser } from "@/lib/partners/users";
import { issueToken } from "@/lib/password-links/tokens";
import { appPaths, routeMethods, serverActions, urlPattern } from "./server";
import { CALLERS, makeAdmin, makeCustomer, makeOrg, makePartnerUser, makeWorld, setOrgStatus, snapshot, uniq, type Caller, type Target, type World } from "./world";

type Outcome = { allowed: boolean; status: number; note: string };

/** Where an entry is reached from: each door takes one kind of caller (or anyone). */
type Door = "admin" | "partner" | "api" | "public";
interface Rule {
  door: Door;
  needs: Permission[];
}
const admin = (...needs: Permission[]): Rule => ({ door: "admin", needs });
const partner = (...needs: Permission[]): Rule => ({ door: "partner", needs });
const api = (...needs: Permission[]): Rule => ({ door: "api", needs });
const PUBLIC: Rule = { door: "public", needs: [] };

/** Who each caller is to the policy; the partner users belong to organisation "A". A revoked client is nobody. */
const ACTOR: Record<Caller, Actor> = {
  anonymous: { kind: "anonymous", label: "anonymous" },
  partnerViewerA: { kind: "partner_user", id: "pv", partnerOrgId: "A", role: "viewer", label: "pv" },
  partnerMaintainerA: { kind: "partner_user", id: "pm", partnerOrgId: "A", role: "maintainer", label: "pm" },
  partnerAdminA: { kind: "partner_user", id: "pa", partnerOrgId: "A", role: "admin", label: "pa" },
  adminViewer: { kind: "admin", id: "av", role: "viewer", label: "av" },
  adminAdmin: { kind: "admin", id: "aa", role: "admin", label: "aa" },
  adminOwner: { kind: "admin", id: "ao", role: "owner", label: "ao" },
  apiValid: { kind: "api_client", id: "api", label: "api" },
  apiRevoked: { kind: "anonymous", label: "revoked client" },
};
const DOOR_TAKES: Record<Door, (a: Actor) => boolean> = {
  admin: (a) => a.kind === "admin",
  partner: (a) => a.kind === "partner_user",
  api: (a) => a.kind === "api_client",
  public: () => true,
};

/** The cell's expected answer, from the policy table. N is a customer organisation with no partner: no `orgId`. */
function expected(rule: Rule, caller: Caller, target: Target): boolean {
  const actor = ACTOR[caller];
  return DOOR_TAKES[rule.door](actor) && rule.needs.every((p) => can(actor, p, target === "N" ? undefined : target));
}

const org = (w: World, t: Target) => (t === "A" ? w.orgA : t === "B" ? w.orgB : assert.fail("partner organisation cells run on A and B"));
const other = (w: World, t: Target) => (t === "A" ? w.orgB : w.orgA);
/** Customer organisation cells: one owned by A (the partner callers' own), by B, or by no partner (N). */
const CUSTOMER_TARGETS = ["A", "B", "N"] as const;
const freshCustomer = (w: World, t: Target) => makeCustomer(w.database, t === "N" ? null : org(w, t));
const freshEmail = () => `${uniq("m")}@matrix.example`;
const invitedUser = async (w: World, t: Target) => createPartnerUser(w.database.db, systemActor, org(w, t).id, { email: freshEmail(), role: "viewer" });

type Cleanup = (w: World, target: Target) => Promise<void>;
type Targets = readonly Target[];
interface ActionSpec {
  args: (w: World, t: Target, c: Caller) => Promise<unknown>;
  rule: Rule;
  cleanup?: Cleanup;
  /** The targets the entry is tried on: A and B unless told (customer organisations add N). */
  targets?: Targets;
}
/** A server action cell: allowed means the action answered `{ ok: true }`. */
function action(args: ActionSpec["args"], rule: Rule, cleanup?: Cleanup, targets?: Targets): ActionSpec {
  return { args, rule, cleanup, targets };
}

const ACTIONS: Record<string, ActionSpec> = {
  "app/(admin)/settings/admins/actions/change-admin-role.ts#changeAdminRoleAction": action(async (w) => ({ id: (await makeAdmin(w.database, "viewer", false)).id, role: "admin" }), admin("admin:manage")),
  "app/(admin)/settings/admins/actions/remove-admin.ts#removeAdminAction": action(async (w) => ({ id: (await makeAdmin(w.database, "viewer", false)).id }), admin("admin:manage")),
  "app/(admin)/settings/admins/actions/invite-admin.ts#inviteAdminAction": action(async () => ({ email: freshEmail(), role: "viewer" }), admin("admin:manage")),
  "app/(admin)/settings/api-clients/actions/create-api-client.ts#createApiClientAction": action(async () => ({ name: uniq("client") }), admin("api-client:manage")),
  "app/(admin)/settings/api-clients/actions/revoke-api-client.ts#revokeApiClientAction": action(
    async (w) => ({ id: (await createApiClient(w.database.db, systemActor, { name: uniq("to revoke") })).client.id }),
    admin("api-client:manage"),
  ),
  "app/(admin)/settings/profile/partners/actions/create-partner.ts#createPartnerAction": action(async () => ({ name: uniq("New org"), zuoraAccountId: "A0001", invoiceOwner: "partner" }), admin("org:create")),
  // The primary contact becomes the new organisation's Admin: a role above Viewer.
  "app/(admin)/settings/profile/partners/actions/invite-partner.ts#invitePartnerAction": action(
    async () => ({ name: uniq("Invited org"), primaryContactName: "Pat Contact", primaryContactEmail: freshEmail() }),
    admin("org:create", "user:create", "user:role"),
  ),
  "app/(admin)/settings/profile/partners/actions/import-users.ts#importUsersAction": action(async (w, t) => ({ orgId: org(w, t).id, csv: `Email address\n${freshEmail()}\n` }), admin("user:create")),
  "app/(admin)/settings/profile/partners/actions/preview-import.ts#previewImportAction": action(async (w, t) => ({ orgId: org(w, t).id, csv: `Email address\n${freshEmail()}\n` }), admin("user:create")),
  // Partner callers aim at the real org A or B; the others get a throwaway org so A and B survive.
  "app/(admin)/settings/profile/partners/actions/delete-partner.ts#deletePartnerAction": action(
    async (w, t, c) => ({ id: c.startsWith("partner") ? org(w, t).id : (await makeOrg(w.database)).id, confirm: true }),
    admin("org:delete"),
  ),
  "app/(admin)/settings/profile/partners/actions/update-partner.ts#updatePartnerAction": action(
    async (w, t) => ({ id: org(w, t).id, name: org(w, t).name, logo: "https://logos.example/matrix.png" }),
    admin("org:update"),
  ),
  "app/(admin)/settings/profile/partners/actions/create-user.ts#createUserAction": action(async (w, t) => ({ orgId: org(w, t).id, email: freshEmail() }), admin("user:create")),
  "app/(admin)/settings/profile/partners/actions/delete-user.ts#deleteUserAction": action(async (w, t) => ({ orgId: org(w, t).id, userId: (await invitedUser(w, t)).id }), admin("user:delete")),
  "app/(admin)/settings/profile/partners/actions/resend-invitation.ts#resendInvitationAction": action(async (w, t) => ({ orgId: org(w, t).id, userId: (await invitedUser(w, t)).id }), admin("user:create")),
  "app/(admin)/settings/profile/partners/actions/revoke-invitation.ts#revokeInvitationAction": action(async (w, t) => ({ orgId: org(w, t).id, userId: (await invitedUser(w, t)).id }), admin("user:create")),
  "app/(admin)/settings/profile/partners/actions/send-password-reset.ts#sendPasswordResetAction": action(
    async (w, t) => ({ orgId: org(w, t).id, userId: (await makePartnerUser(w.database, org(w, t).id, "viewer")).id }),
    admin("user:reset"),
  ),
  // The link is the credential: whoever holds a valid token may use it, signed in or not.
  "app/(links)/actions/set-password.ts#setPasswordAction": action(async (w, t) => {
    const user = await invitedUser(w, t);
    const { token } = await issueToken(w.database.db, { principalKind: "partner_user", principalId: user.id, purpose: "invite", ttlHours: 1 });
    return { token, purpose: "invite", password: "matrix-password-123", confirm: "matrix-password-123" };
  }, PUBLIC),
  "app/partner/actions/invite-member.ts#inviteMemberAction": action(async (w, t) => ({ orgId: org(w, t).id, email: freshEmail(), role: "viewer" }), partner("user:create")),
  "app/partner/actions/change-member-role.ts#changeMemberRoleAction": action(
    async (w, t) => ({ orgId: org(w, t).id, userId: (await invitedUser(w, t)).id, role: "maintainer" }),
    partner("user:role"),
  ),
  "app/partner/actions/remove-member.ts#removeMemberAction": action(async (w, t) => ({ orgId: org(w, t).id, userId: (await invitedUser(w, t)).id }), partner("user:delete")),
  // The form acts on the caller's own org: the target org is made pending; B stays untouched for A's Admin.
  "app/partner/complete/actions/complete-partner-form.ts#completePartnerFormAction": action(
    async (w, t) => {
      await setOrgStatus(w.database, org(w, t).id, "pending");
      return { name: org(w, t).name, zuoraAccountId: "A0001", invoiceOwner: "partner" };
    },
    partner("org:complete-form"),
    async (w, t) => setOrgStatus(w.database, org(w, t).id, "approved"),
  ),
  // Public by design: the answer is the same whether or not the email exists.
  "app/partner/actions/request-password-reset.ts#requestPasswordResetAction": action(async () => ({ email: freshEmail() }), PUBLIC),
  "app/(admin)/settings/profile/partners/actions/move-user.ts#moveUserAction": action(
    async (w, t) => ({ orgId: org(w, t).id, userId: (await invitedUser(w, t)).id, toOrgId: other(w, t).id, role: "viewer" }),
    admin("user:move"),
  ),
  // Customer organisations in the admin app, owned by A, by B, or by no partner.
  "app/(admin)/organisations/actions/create-organisation.ts#createOrganisationAction": action(
    async (w, t) => ({ name: uniq("Customer"), partnerOrgId: t === "N" ? "" : org(w, t).id }),
    admin("organisation:create"),
    undefined,
    CUSTOMER_TARGETS,
  ),
  "app/(admin)/organisations/actions/update-organisation.ts#updateOrganisationAction": action(
    async (w, t) => ({ id: (await freshCustomer(w, t)).id, name: uniq("Renamed"), zuoraAccountId: "C-1" }),
    admin("organisation:update"),
    undefined,
    CUSTOMER_TARGETS,
  ),
  "app/(admin)/organisations/actions/move-organisation.ts#moveOrganisationAction": action(
    async (w, t) => ({ id: (await freshCustomer(w, t)).id, partnerOrgId: t === "A" ? w.orgB.id : w.orgA.id }),
    admin("organisation:move"),
    undefined,
    CUSTOMER_TARGETS,
  ),
  "app/(admin)/organisations/actions/delete-organisation.ts#deleteOrganisationAction": action(
    async (w, t) => ({ id: (await freshCustomer(w, t)).id, confirm: true }),
    admin("organisation:delete"),
    undefined,
    CUSTOMER_TARGETS,
  ),
  // The move controls' partner finder: a few partners' names.
  "app/(admin)/organisations/actions/find-partners.ts#findPartnersAction": action(async () => ({ q: "" }), admin("org:read")),
};

/** One look at a page: the rule it follows and what in the answer shows it was allowed. */
interface PageSpec {
  path: (w: World, t: Target) => Promise<string> | string;
  allowed: (res: Response, body: string, w: World, t: Target) => boolean;
  rule: Rule;
  cleanup?: Cleanup;
  targets?: Targets;
}
const ok200 = (res: Response) => res.status === 200;
const reachable = (res: Response) => res.status < 400;
const shows = (...what: Array<string | ((w: World, t: Target) => string)>) => (res: Response, body: string, w: World, t: Target) =>
  res.status === 200 && what.every((x) => body.includes(typeof x === "string" ? x : x(w, t)));
const adminLanding = (res: Response) => res.status === 200 || (res.status >= 300 && res.status < 400 && /\/settings\//.test(res.headers.get("location") ?? ""));
const tokenPath = (kind: "invite" | "reset") => async (w: World, t: Target) => {
  const user = await invitedUser(w, t);
  const { token } = await issueToken(w.database.db, { principalKind: "partner_user", principalId: user.id, purpose: kind, ttlHours: 1 });
  return `/${kind === "invite" ? "invite" : "reset-password"}/${token}`;
};
const escName = (w: World, t: Target) => org(w, t).name;
const pending = async (w: World, t: Target) => setOrgStatus(w.database, org(w, t).id, "pending");
const approved: Cleanup = async (w, t) => setOrgStatus(w.database, org(w, t).id, "approved");

// A page that shows more to some callers has one look per permission it shows something for.
const PAGES: Record<string, PageSpec[]> = {
  "/": [{ path: () => "/", allowed: reachable, rule: PUBLIC }],
  "/activity": [{ path: () => "/activity", allowed: ok200, rule: admin("activity:read") }],
  "/api-reference": [{ path: () => "/api-reference", allowed: ok200, rule: admin() }],
  "/settings": [{ path: () => "/settings", allowed: adminLanding, rule: admin() }],
  "/settings/profile": [{ path: () => "/settings/profile", allowed: adminLanding, rule: admin() }],
  "/settings/admins": [{ path: () => "/settings/admins", allowed: shows("Portal admins"), rule: admin("admin:read") }],
  "/settings/api-clients": [{ path: () => "/settings/api-clients", allowed: ok200, rule: admin("admin:read") }],
  "/settings/profile/partners": [{ path: (w, t) => `/settings/profile/partners?q=${encodeURIComponent(org(w, t).name)}`, allowed: shows(escName), rule: admin("org:read") }],
  "/settings/profile/partners/[id]": [
    { path: (w, t) => `/settings/profile/partners/${org(w, t).id}`, allowed: shows(escName, "Partner users"), rule: admin("org:read", "user:read") },
    { path: (w, t) => `/settings/profile/partners/${org(w, t).id}`, allowed: shows('id="org-activity-heading"'), rule: admin("org:read", "activity:read") },
    { path: (w, t) => `/settings/profile/partners/${org(w, t).id}`, allowed: shows('id="partner-organisations-heading"'), rule: admin("org:read", "organisation:read") },
  ],
  "/organisations": [
    {
      path: (w, t) => `/organisations?q=${encodeURIComponent(w.customers[t].name)}`,
      allowed: shows((w, t) => w.customers[t].name),
      rule: admin("organisation:read"),
      targets: CUSTOMER_TARGETS,
    },
  ],
  "/organisations/[id]": [
    { path: (w, t) => `/organisations/${w.customers[t].id}`, allowed: shows((w, t) => w.customers[t].name), rule: admin("organisation:read"), targets: CUSTOMER_TARGETS },
  ],
  "/invite/[token]": [{ path: tokenPath("invite"), allowed: shows("Set password"), rule: PUBLIC }],
  "/reset-password/[token]": [{ path: tokenPath("reset"), allowed: shows("Set password"), rule: PUBLIC }],
  "/partner/forgot-password": [{ path: () => "/partner/forgot-password", allowed: ok200, rule: PUBLIC }],
  // /partner shows the caller's own organisation: never B's, whoever asks.
  "/partner": [
    { path: () => "/partner", allowed: shows(escName, "Members of your organisation"), rule: partner("org:read", "user:read") },
    { path: () => "/partner", allowed: shows(escName, 'id="partner-activity-heading"'), rule: partner("org:read", "activity:read") },
  ],
  "/partner/orgs/[orgId]": [
    { path: (w, t) => `/partner/orgs/${org(w, t).id}`, allowed: shows(escName, "Members of your organisation"), rule: partner("org:read", "user:read") },
  ],
  "/partner/complete": [
    { path: async (w, t) => (await pending(w, t), "/partner/complete"), allowed: shows(escName), rule: partner("org:read"), cleanup: approved },
    { path: async (w, t) => (await pending(w, t), "/partner/complete"), allowed: shows(escName, "Submit partner form"), rule: partner("org:read", "org:complete-form"), cleanup: approved },
  ],
};
/** Next's own pages, rendered for every caller alike. */
const FRAMEWORK = new Set(["/_global-error", "/_not-found"]);

type RouteSpec = {
  request: (w: World, t: Target, c: Caller) => Promise<{ path: string; init?: RequestInit }>;
  allowed: (res: Response) => boolean;
  rule: Rule;
  targets?: Targets;
};
const API = "/api/partner-management";
const json = (method: string, body: unknown): RequestInit => ({ method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const success = (res: Response) => res.status >= 200 && res.status < 300;
const csv = (res: Response) => res.status === 200 && (res.headers.get("content-type") ?? "").includes("text/csv");

const ROUTES: Record<string, RouteSpec> = {
  // next-auth's own endpoints are public (sign-in, csrf, session): reachable by all, never a 5xx.
  "/api/auth/[...nextauth] GET": { request: async () => ({ path: "/api/auth/session" }), allowed: reachable, rule: PUBLIC },
  "/api/auth/[...nextauth] POST": { request: async () => ({ path: "/api/auth/_log", init: { method: "POST" } }), allowed: (r) => r.status < 500, rule: PUBLIC },
  "/api/health GET": { request: async () => ({ path: "/api/health" }), allowed: success, rule: PUBLIC },
  "/api/openapi.json GET": { request: async () => ({ path: "/api/openapi.json" }), allowed: success, rule: PUBLIC },
  // Each caller presents what it has: API clients their credentials, everyone else their cookies.
  "/api/oauth/token POST": {
    request: async (w, _t, c) => {
      const creds = c === "apiValid" ? w.api.valid : c === "apiRevoked" ? w.api.revoked : undefined;
      const basic = creds ? `Basic ${Buffer.from(`${creds.id}:${creds.secret}`).toString("base64")}` : "Basic Og==";
      const body = new URLSearchParams({ grant_type: "client_credentials" });
      return { path: "/api/oauth/token", init: { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", authorization: basic }, body } };
    },
    allowed: success,
    rule: api(),
  },
  "/api/partner-management/partner-organisations GET": { request: async () => ({ path: `${API}/partner-organisations` }), allowed: success, rule: api("org:read") },
  "/api/partner-management/partner-organisation POST": {
    request: async () => ({ path: `${API}/partner-organisation`, init: json("POST", { name: uniq("api org"), zuoraAccountId: "A1", isZuoraInvoiceOwner: true }) }),
    allowed: success,
    rule: api("org:create"),
  },
  "/api/partner-management/partner-organisation/[partnerOrganisationId] POST": {
    request: async (w, t) => ({ path: `${API}/partner-organisation/${org(w, t).id}`, init: json("POST", { email: freshEmail() }) }),
    allowed: success,
    rule: api("user:create"),
  },
  "/api/partner-management/partner-organisation/[partnerOrganisationId] PUT": {
    request: async (w, t) => ({ path: `${API}/partner-organisation/${org(w, t).id}`, init: json("PUT", { name: org(w, t).name }) }),
    allowed: success,
    rule: api("org:update"),
  },
  "/api/partner-management/partner-organisation/[partnerOrganisationId] DELETE": {
    request: async (w) => ({ path: `${API}/partner-organisation/${(await makeOrg(w.database)).id}`, init: { method: "DELETE" } }),
    allowed: success,
    rule: api("org:delete"),
  },
  "/api/partner-management/partner-organisation/[partnerOrganisationId]/users GET": {
    request: async (w, t) => ({ path: `${API}/partner-organisation/${org(w, t).id}/users` }),
    allowed: success,
    rule: api("user:read"),
  },
  "/api/partner-management/partner-organisation/[partnerOrganisationId]/[partnerUserId] DELETE": {
    request: async (w, t) => ({ path: `${API}/partner-organisation/${org(w, t).id}/${(await invitedUser(w, t)).id}`, init: { method: "DELETE" } }),
    allowed: success,
    rule: api("user:delete"),
  },
  "/api/partner-management/partner-organisation/[partnerOrganisationId]/[partnerUserId] PUT": {
    request: async (w, t) => ({
      path: `${API}/partner-organisation/${org(w, t).id}/${(await invitedUser(w, t)).id}`,
      init: json("PUT", { partnerOrganisationId: other(w, t).id }),
    }),
    allowed: success,
    rule: api("user:move"),
  },
  "/api/partner-management/partner-organisation/[partnerOrganisationId]/organisations GET": {
    request: async (w, t) => ({ path: `${API}/partner-organisation/${org(w, t).id}/organisations` }),
    allowed: success,
    rule: api("organisation:read"),
  },
  "/api/partner-management/partner-organisation/[partnerOrganisationId]/organisations POST": {
    request: async (w, t) => ({ path: `${API}/partner-organisation/${org(w, t).id}/organisations`, init: json("POST", { name: uniq("api customer") }) }),
    allowed: success,
    rule: api("organisation:create"),
  },
  "/api/partner-management/organisation/[organisationId] GET": {
    request: async (w, t) => ({ path: `${API}/organisation/${w.customers[t].id}` }),
    allowed: success,
    rule: api("organisation:read"),
    targets: CUSTOMER_TARGETS,
  },
  "/api/partner-management/organisation/[organisationId] PUT": {
    request: async (w, t) => ({ path: `${API}/organisation/${(await freshCustomer(w, t)).id}`, init: json("PUT", { name: uniq("api renamed"), partnerOrganisationId: null }) }),
    allowed: success,
    rule: api("organisation:update", "organisation:move"),
    targets: CUSTOMER_TARGETS,
  },
  "/api/partner-management/organisation/[organisationId] DELETE": {
    request: async (w, t) => ({ path: `${API}/organisation/${(await freshCustomer(w, t)).id}`, init: { method: "DELETE" } }),
    allowed: success,
    rule: api("organisation:delete"),
    targets: CUSTOMER_TARGETS,
  },
  "/settings/profile/partners/export GET": { request: async () => ({ path: "/settings/profile/partners/export" }), allowed: csv, rule: admin("org:read") },
  "/settings/profile/partners/[id]/users/export GET": { request: async (w, t) => ({ path: `/settings/profile/partners/${org(w, t).id}/users/export` }), allowed: csv, rule: admin("user:read") },
};

/** Every cell's rule, with a name: what the coverage test reads. */
const RULES: Array<{ name: string; rule: Rule }> = [
  ...Object.entries(ACTIONS).map(([key, spec]) => ({ name: `action ${key.split("#")[1]}`, rule: spec.rule })),
  ...Object.entries(PAGES).flatMap(([pattern, specs]) => specs.map((spec, i) => ({ name: `page ${pattern}${specs.length > 1 ? ` (look ${i + 1})` : ""}`, rule: spec.rule }))),
  ...Object.entries(ROUTES).map(([key, spec]) => ({ name: `route ${key}`, rule: spec.rule })),
];

/** Roles no HTTP caller has: the app itself (start-up tasks, fixtures) and nobody, who holds nothing. */
const NOT_CALLERS = new Set<Role>(["system", "anonymous"]);

/**
 * Customer organisation permissions the partner roles hold (tested in tests/organisations.test.ts),
 * whose door is the partner account's Organisations pages: built on another branch of issue 12.
 * The test below fails once such a page exercises one, so each entry goes when its page lands.
 */
const AWAITING_PARTNER_PAGES = new Set([
  "partner:viewer → organisation:read",
  ...["partner:maintainer", "partner:admin"].flatMap((role) =>
    ["read", "create", "update", "move", "delete"].map((p) => `${role} → organisation:${p}`),
  ),
]);

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
      const key = `${role} → ${permission}`;
      if (!exercised && !AWAITING_PARTNER_PAGES.has(key)) missing.push(key);
      if (exercised && AWAITING_PARTNER_PAGES.has(key)) missing.push(`${key} is exercised now: remove it from AWAITING_PARTNER_PAGES`);
    }
  }
  assert.deepEqual(missing, [], "permissions no cell allows: give an action, page or route a rule that needs them");
});

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
  for (const [key, spec] of Object.entries(ROUTES)) {
    out.push({
      name: `route ${key}`,
      rule: spec.rule,
      targets: spec.targets,
      prepare: async (world, caller, target) => {
        const { path, init } = await spec.request(world, target, caller);
        return async () => {
          const res = await world.clients[caller].fetch(path, init as never);
          const body = await res.text();
          return { allowed: spec.allowed(res), status: res.status, note: body.slice(0, 120) };
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
          await cell.cleanup?.(w, target);
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
