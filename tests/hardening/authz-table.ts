/**
 * The authorization table: every server action, page and route handler of the build, with the
 * door it is reached through and the permissions it needs (the rule), how to call it as each
 * caller, and what in the answer shows the call was allowed. What each cell must answer is derived
 * from the policy table (ROLE_PERMISSIONS in lib/auth/policy.ts) by `expected`. Run by
 * authz-matrix.hard.ts.
 */
import { systemActor, type Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/policy";
import { createApiClient } from "@/lib/api-clients/api-clients";
import { createPartnerUser } from "@/lib/partners/users";
import { issueToken } from "@/lib/password-links/tokens";
import { makeAdmin, makeOrg, makePartnerUser, setOrgStatus, uniq, type Caller, type Target, type World } from "./world";

export type Outcome = { allowed: boolean; status: number; note: string };

/** Where an entry is reached from: each door takes one kind of caller (or anyone). */
export type Door = "admin" | "partner" | "api" | "public";
export interface Rule {
  door: Door;
  needs: Permission[];
}
export const admin = (...needs: Permission[]): Rule => ({ door: "admin", needs });
export const partner = (...needs: Permission[]): Rule => ({ door: "partner", needs });
export const api = (...needs: Permission[]): Rule => ({ door: "api", needs });
export const PUBLIC: Rule = { door: "public", needs: [] };

/** Who each caller is to the policy; the partner users belong to organisation "A". A revoked client is nobody. */
export const ACTOR: Record<Caller, Actor> = {
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
export const DOOR_TAKES: Record<Door, (a: Actor) => boolean> = {
  admin: (a) => a.kind === "admin",
  partner: (a) => a.kind === "partner_user",
  api: (a) => a.kind === "api_client",
  public: () => true,
};

/** The cell's expected answer, from the policy table. */
export function expected(rule: Rule, caller: Caller, target: Target): boolean {
  const actor = ACTOR[caller];
  return DOOR_TAKES[rule.door](actor) && rule.needs.every((p) => can(actor, p, target));
}

export const org = (w: World, t: Target) => (t === "A" ? w.orgA : w.orgB);
export const freshEmail = () => `${uniq("m")}@matrix.example`;
export const invitedUser = async (w: World, t: Target) => createPartnerUser(w.database.db, systemActor, org(w, t).id, { email: freshEmail(), role: "viewer" });

export type Cleanup = (w: World, target: Target) => Promise<void>;
export interface ActionSpec {
  args: (w: World, t: Target, c: Caller) => Promise<unknown>;
  rule: Rule;
  cleanup?: Cleanup;
}
/** A server action cell: allowed means the action answered `{ ok: true }`. */
function action(args: ActionSpec["args"], rule: Rule, cleanup?: Cleanup): ActionSpec {
  return { args, rule, cleanup };
}

export const ACTIONS: Record<string, ActionSpec> = {
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
};

/** One look at a page: the rule it follows and what in the answer shows it was allowed. */
export interface PageSpec {
  path: (w: World, t: Target) => Promise<string> | string;
  allowed: (res: Response, body: string, w: World, t: Target) => boolean;
  rule: Rule;
  cleanup?: Cleanup;
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
export const pending = async (w: World, t: Target) => setOrgStatus(w.database, org(w, t).id, "pending");
export const approved: Cleanup = async (w, t) => setOrgStatus(w.database, org(w, t).id, "approved");

// A page that shows more to some callers has one look per permission it shows something for.
export const PAGES: Record<string, PageSpec[]> = {
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
export const FRAMEWORK = new Set(["/_global-error", "/_not-found"]);

export type RouteSpec = { request: (w: World, t: Target, c: Caller) => Promise<{ path: string; init?: RequestInit }>; allowed: (res: Response) => boolean; rule: Rule };
const API = "/api/partner-management";
const json = (method: string, body: unknown): RequestInit => ({ method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const success = (res: Response) => res.status >= 200 && res.status < 300;
const csv = (res: Response) => res.status === 200 && (res.headers.get("content-type") ?? "").includes("text/csv");

export const ROUTES: Record<string, RouteSpec> = {
  // next-auth's own endpoints are public (sign-in, csrf, session): reachable by all, never a 5xx.
  "/api/auth/[...nextauth] GET": { request: async () => ({ path: "/api/auth/session" }), allowed: reachable, rule: PUBLIC },
  "/api/auth/[...nextauth] POST": { request: async () => ({ path: "/api/auth/_log", init: { method: "POST" } }), allowed: (r) => r.status < 500, rule: PUBLIC },
  "/api/health GET": { request: async () => ({ path: "/api/health" }), allowed: success, rule: PUBLIC },
  // The favicon and app icons: files every page links to, for everyone.
  "/favicon.ico GET": { request: async () => ({ path: "/favicon.ico" }), allowed: success, rule: PUBLIC },
  "/icon.svg GET": { request: async () => ({ path: "/icon.svg" }), allowed: success, rule: PUBLIC },
  "/apple-icon.png GET": { request: async () => ({ path: "/apple-icon.png" }), allowed: success, rule: PUBLIC },
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
  "/settings/profile/partners/export GET": { request: async () => ({ path: "/settings/profile/partners/export" }), allowed: csv, rule: admin("org:read") },
  "/settings/profile/partners/[id]/users/export GET": { request: async (w, t) => ({ path: `/settings/profile/partners/${org(w, t).id}/users/export` }), allowed: csv, rule: admin("user:read") },
};
