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
import { ingestUsage } from "@/lib/usage/ingest";
import { createMetric } from "@/lib/usage/metrics";
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
  /**
   * "none": the customer organisation acted on is not the target partner's (it has no partner, or
   * another's), so the policy is asked about no partner at all: no partner user ever gets in.
   */
  on?: "none";
}
const admin = (...needs: Permission[]): Rule => ({ door: "admin", needs });
const partner = (...needs: Permission[]): Rule => ({ door: "partner", needs });
const api = (...needs: Permission[]): Rule => ({ door: "api", needs });
const PUBLIC: Rule = { door: "public", needs: [] };
const notOwned = (rule: Rule): Rule => ({ ...rule, on: "none" });

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

/** The cell's expected answer, from the policy table. */
function expected(rule: Rule, caller: Caller, target: Target): boolean {
  const actor = ACTOR[caller];
  return DOOR_TAKES[rule.door](actor) && rule.needs.every((p) => can(actor, p, rule.on === "none" ? undefined : target));
}

const org = (w: World, t: Target) => (t === "A" ? w.orgA : w.orgB);
const freshEmail = () => `${uniq("m")}@matrix.example`;
const invitedUser = async (w: World, t: Target) => createPartnerUser(w.database.db, systemActor, org(w, t).id, { email: freshEmail(), role: "viewer" });
const customer = (w: World, t: Target) => w.customers[t];
const other = (t: Target): Target => (t === "A" ? "B" : "A");
/** A customer organisation of the target partner made for one call that changes or removes it. */
const freshCustomer = async (w: World, t: Target) => (await makeCustomer(w.database, org(w, t).id)).id;

/** A metric nobody else uses, for the metric cells (they change or delete it). */
const freshMetric = async (w: World) => createMetric(w.database.db, systemActor, { key: uniq("m").replace(/[^a-z0-9]/g, "_"), name: uniq("Metric"), unit: "GB", aggregation: "sum" });
/** Today's usage of the target's customer organisation, so its name shows in reports (fixed ids: a second call stores nothing). */
async function withUsage(w: World, t: Target): Promise<void> {
  await createMetric(w.database.db, systemActor, { key: "matrix_gb", name: "Matrix GB", unit: "GB", aggregation: "sum" }).catch(() => undefined);
  const date = new Date().toISOString().slice(0, 10);
  await ingestUsage(w.database.db, systemActor, [{ id: `matrix-${t}-${date}`, organisationId: customer(w, t).id, metric: "matrix_gb", quantity: 1, date }]);
}

type Cleanup = (w: World, target: Target) => Promise<void>;
interface ActionSpec {
  args: (w: World, t: Target, c: Caller) => Promise<unknown>;
  rule: Rule;
  cleanup?: Cleanup;
}
/** A server action cell: allowed means the action answered `{ ok: true }`. */
function action(args: ActionSpec["args"], rule: Rule, cleanup?: Cleanup): ActionSpec {
  return { args, rule, cleanup };
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
  // Partner callers aim at the real org A or B; the others at a throwaway org, so A's and B's slugs stay.
  "app/(admin)/settings/profile/partners/actions/update-partner-slug.ts#updatePartnerSlugAction": action(
    async (w, t, c) => ({ id: c.startsWith("partner") ? org(w, t).id : (await makeOrg(w.database)).id, slug: uniq("moved").toLowerCase() }),
    admin("org:update"),
  ),
  "app/(admin)/settings/profile/partners/actions/move-user.ts#moveUserAction": action(
    async (w, t) => ({ orgId: org(w, t).id, userId: (await invitedUser(w, t)).id, toOrgId: (await makeOrg(w.database)).id, role: "viewer" }),
    admin("user:move"),
  ),
  "app/(admin)/organisations/actions/create-organisation.ts#createOrganisationAction": action(async (w, t) => ({ name: uniq("Admin-made"), partnerOrgId: org(w, t).id }), admin("organisation:create")),
  "app/(admin)/organisations/actions/update-organisation.ts#updateOrganisationAction": action(async (w, t) => ({ id: await freshCustomer(w, t), name: uniq("Renamed") }), admin("organisation:update")),
  "app/(admin)/organisations/actions/move-organisation.ts#moveOrganisationAction": action(async (w, t) => ({ id: await freshCustomer(w, t), partnerOrgId: "" }), admin("organisation:move")),
  "app/(admin)/organisations/actions/delete-organisation.ts#deleteOrganisationAction": action(async (w, t) => ({ id: await freshCustomer(w, t), confirm: true }), admin("organisation:delete")),
  // Usage metrics: portal admins who manage them; each call on a metric of its own.
  "app/(admin)/settings/usage-metrics/actions/create-metric.ts#createMetricAction": action(
    async () => ({ key: uniq("k").replace(/[^a-z0-9]/g, "_"), name: uniq("Metric"), unit: "GB", aggregation: "sum" }),
    admin("metric:manage"),
  ),
  "app/(admin)/settings/usage-metrics/actions/update-metric.ts#updateMetricAction": action(async (w) => {
    const m = await freshMetric(w);
    return { id: m.id, key: m.key, name: uniq("Renamed"), unit: "TB", aggregation: "sum" };
  }, admin("metric:manage")),
  "app/(admin)/settings/usage-metrics/actions/delete-metric.ts#deleteMetricAction": action(async (w) => ({ id: (await freshMetric(w)).id }), admin("metric:manage")),
  "app/(admin)/organisations/actions/find-partners.ts#findPartnersAction": action(async (w, t) => ({ q: org(w, t).name }), admin("org:read")),
  "app/partner/[slug]/members/actions/invite-member.ts#inviteMemberAction": action(async (w, t) => ({ orgId: org(w, t).id, email: freshEmail(), role: "viewer" }), partner("user:create")),
  "app/partner/[slug]/members/actions/change-member-role.ts#changeMemberRoleAction": action(
    async (w, t) => ({ orgId: org(w, t).id, userId: (await invitedUser(w, t)).id, role: "maintainer" }),
    partner("user:role"),
  ),
  "app/partner/[slug]/members/actions/remove-member.ts#removeMemberAction": action(async (w, t) => ({ orgId: org(w, t).id, userId: (await invitedUser(w, t)).id }), partner("user:delete")),
  "app/partner/[slug]/members/actions/resend-invitation.ts#resendInvitationAction": action(async (w, t) => ({ orgId: org(w, t).id, userId: (await invitedUser(w, t)).id }), partner("user:create")),
  "app/partner/[slug]/members/actions/revoke-invitation.ts#revokeInvitationAction": action(async (w, t) => ({ orgId: org(w, t).id, userId: (await invitedUser(w, t)).id }), partner("user:create")),
  // Customer organisations of the target partner (A: the partner callers' own; B: another's).
  // "No partner" ones are the test at the end of this file.
  "app/partner/[slug]/organisations/actions/create-organisation.ts#createOrganisationAction": action(async (w, t) => ({ name: uniq("Partner-made"), partnerOrgId: org(w, t).id }), partner("organisation:create")),
  "app/partner/[slug]/organisations/actions/update-organisation.ts#updateOrganisationAction": action(async (w, t) => ({ id: await freshCustomer(w, t), name: uniq("Renamed") }), partner("organisation:update")),
  "app/partner/[slug]/organisations/actions/move-organisation.ts#moveOrganisationAction": action(async (w, t) => ({ id: await freshCustomer(w, t), partnerOrgId: "" }), partner("organisation:move")),
  "app/partner/[slug]/organisations/actions/delete-organisation.ts#deleteOrganisationAction": action(async (w, t) => ({ id: await freshCustomer(w, t), confirm: true }), partner("organisation:delete")),
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
interface PageSpec {
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
const escSlug = (w: World, t: Target) => org(w, t).slug;
const custName = (w: World, t: Target) => customer(w, t).name;
const slugPath = (rest: string) => (w: World, t: Target) => `/partner/${org(w, t).slug}${rest}`;
/** A redirect to the target's own page, and nowhere else. */
const redirectsTo = (where: (w: World, t: Target) => string) => (res: Response, _body: string, w: World, t: Target) =>
  res.status >= 300 && res.status < 400 && new URL(res.headers.get("location") ?? "", "http://x").pathname === where(w, t);
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
    { path: (w, t) => `/settings/profile/partners/${org(w, t).id}`, allowed: shows(escSlug, 'aria-label="Change slug"'), rule: admin("org:read", "org:update") },
  ],
  "/organisations": [{ path: (w, t) => `/organisations?q=${encodeURIComponent(customer(w, t).name)}`, allowed: shows(custName), rule: admin("organisation:read") }],
  "/organisations/[id]": [
    { path: (w, t) => `/organisations/${customer(w, t).id}`, allowed: shows(custName), rule: admin("organisation:read") },
    { path: (w, t) => `/organisations/${customer(w, t).id}`, allowed: shows(custName, 'aria-label="Edit"'), rule: admin("organisation:read", "organisation:update") },
    { path: (w, t) => `/organisations/${customer(w, t).id}`, allowed: shows(custName, "Move Organisation to another Partner"), rule: admin("organisation:read", "organisation:move") },
    { path: (w, t) => `/organisations/${customer(w, t).id}`, allowed: shows(custName, "Delete Organisation"), rule: admin("organisation:read", "organisation:delete") },
    { path: (w) => `/organisations/${w.customers.none.id}`, allowed: shows((w) => w.customers.none.name), rule: notOwned(admin("organisation:read")) },
  ],
  "/invite/[token]": [{ path: tokenPath("invite"), allowed: shows("Set password"), rule: PUBLIC }],
  "/reset-password/[token]": [{ path: tokenPath("reset"), allowed: shows("Set password"), rule: PUBLIC }],
  "/settings/usage-metrics": [{ path: () => "/settings/usage-metrics", allowed: shows("Usage metrics"), rule: admin("metric:read") }],
  "/reports": [{ path: async (w, t) => (await withUsage(w, t), "/reports"), allowed: shows("Usage by partner", escName), rule: admin("report:read") }],
  "/reports/[partnerId]": [{ path: async (w, t) => (await withUsage(w, t), `/reports/${org(w, t).id}`), allowed: shows(custName), rule: admin("report:read") }],
  "/partner/forgot-password": [{ path: () => "/partner/forgot-password", allowed: ok200, rule: PUBLIC }],
  // /partner sends a partner user to their own account, /partner/<slug>: never B's, whoever asks.
  "/partner": [{ path: () => "/partner", allowed: redirectsTo((w, t) => `/partner/${org(w, t).slug}`), rule: partner("org:read") }],
  // The old address: its own organisation's id redirects to the slug; any other is "not found".
  "/partner/orgs/[orgId]": [{ path: (w, t) => `/partner/orgs/${org(w, t).id}`, allowed: redirectsTo((w, t) => `/partner/${org(w, t).slug}`), rule: partner("org:read") }],
  "/partner/[slug]": [
    { path: slugPath(""), allowed: shows(escName, "Customer organisations", custName), rule: partner("org:read", "organisation:read") },
    { path: slugPath(""), allowed: shows(escName, "Create an Organisation"), rule: partner("org:read", "organisation:create") },
  ],
  "/partner/[slug]/members": [
    { path: slugPath("/members"), allowed: shows(escName, "Members of your partner account"), rule: partner("org:read", "user:read") },
    { path: slugPath("/members"), allowed: shows(escName, "Add Member"), rule: partner("org:read", "user:create") },
    { path: slugPath("/members"), allowed: shows(escName, 'aria-label="Edit"'), rule: partner("org:read", "user:role") },
    { path: slugPath("/members"), allowed: shows(escName, 'aria-label="Delete"'), rule: partner("org:read", "user:delete") },
  ],
  "/partner/[slug]/activity": [{ path: slugPath("/activity"), allowed: shows(escName, "Activity of your partner account"), rule: partner("org:read", "activity:read") }],
  // The customer organisation shows only in its own partner's report.
  "/partner/[slug]/reports": [
    { path: async (w, t) => (await withUsage(w, t), slugPath("/reports")(w, t)), allowed: shows(escName, "Usage by organisation", custName), rule: partner("org:read", "report:read") },
  ],
  "/partner/[slug]/settings": [{ path: slugPath("/settings"), allowed: shows(escName, escSlug, "Coming soon"), rule: partner("org:read") }],
  "/partner/[slug]/organisations/[id]": [
    { path: (w, t) => `/partner/${org(w, t).slug}/organisations/${customer(w, t).id}`, allowed: shows(custName), rule: partner("organisation:read") },
    { path: (w, t) => `/partner/${org(w, t).slug}/organisations/${customer(w, t).id}`, allowed: shows(custName, 'id="organisation-settings-heading"'), rule: partner("organisation:read", "organisation:update") },
    { path: (w, t) => `/partner/${org(w, t).slug}/organisations/${customer(w, t).id}`, allowed: shows(custName, "Move Organisation to another Partner"), rule: partner("organisation:read", "organisation:move") },
    { path: (w, t) => `/partner/${org(w, t).slug}/organisations/${customer(w, t).id}`, allowed: shows(custName, "Delete Organisation"), rule: partner("organisation:read", "organisation:delete") },
    // The target's own slug with an organisation it does not own (another partner's, or No partner's).
    { path: (w, t) => `/partner/${org(w, t).slug}/organisations/${customer(w, other(t)).id}`, allowed: shows((w, t) => customer(w, other(t)).name), rule: notOwned(partner("organisation:read")) },
    { path: (w, t) => `/partner/${org(w, t).slug}/organisations/${w.customers.none.id}`, allowed: shows((w) => w.customers.none.name), rule: notOwned(partner("organisation:read")) },
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
  allowed: (res: Response, body: string, w: World, t: Target) => boolean;
  rule: Rule;
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
    request: async (w, t) => ({ path: `${API}/organisation/${customer(w, t).id}` }),
    allowed: success,
    rule: api("organisation:read"),
  },
  "/api/partner-management/organisation/[organisationId] PUT": {
    // Renames it and moves it to "No partner" in one call.
    request: async (w, t) => ({ path: `${API}/organisation/${await freshCustomer(w, t)}`, init: json("PUT", { name: uniq("api renamed"), partnerOrganisationId: null }) }),
    allowed: success,
    rule: api("organisation:update", "organisation:move"),
  },
  "/api/partner-management/organisation/[organisationId] DELETE": {
    request: async (w, t) => ({ path: `${API}/organisation/${await freshCustomer(w, t)}`, init: { method: "DELETE" } }),
    allowed: success,
    rule: api("organisation:delete"),
  },
  "/api/partner-management/partner-organisation/[partnerOrganisationId]/[partnerUserId] PUT": {
    request: async (w, t) => ({
      path: `${API}/partner-organisation/${org(w, t).id}/${(await invitedUser(w, t)).id}`,
      init: json("PUT", { partnerOrganisationId: (await makeOrg(w.database)).id }),
    }),
    allowed: success,
    rule: api("user:move"),
  },
  "/api/partner-management/usage POST": {
    request: async (w, t) => {
      await withUsage(w, "A");
      const record = { id: uniq("usage"), organisationId: customer(w, t).id, metric: "matrix_gb", quantity: 2, date: new Date().toISOString().slice(0, 10) };
      return { path: `${API}/usage`, init: json("POST", { records: [record] }) };
    },
    allowed: success,
    rule: api("usage:ingest"),
  },
  "/reports/export GET": {
    request: async (w, t) => (await withUsage(w, t), { path: "/reports/export?period=7d" }),
    allowed: (res, body, w, t) => csv(res) && body.includes(org(w, t).name),
    rule: admin("report:read"),
  },
  "/reports/[partnerId]/export GET": {
    request: async (w, t) => (await withUsage(w, t), { path: `/reports/${org(w, t).id}/export?period=7d` }),
    allowed: (res, body, w, t) => csv(res) && body.includes(customer(w, t).name),
    rule: admin("report:read"),
  },
  // A partner user's own account only: another partner's slug is "not found".
  "/partner/[slug]/reports/export GET": {
    request: async (w, t) => (await withUsage(w, t), { path: `/partner/${org(w, t).slug}/reports/export?period=7d` }),
    allowed: (res, body, w, t) => csv(res) && body.includes(customer(w, t).name),
    rule: partner("org:read", "report:read"),
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
      for (const target of ["A", "B"] as const) {
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
  console.log(`[authz] ${total} cells (${all.length} entries × ${CALLERS.length} callers × 2 orgs): ${allowed} allowed, ${total - allowed} denied`);
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

test("partner users never change an organisation of no partner, whatever their role", async () => {
  const byKey = new Map(serverActions().map((a) => [a.key, a.id]));
  const none = w.customers.none;
  const calls: Array<[string, unknown]> = [
    ["app/partner/[slug]/organisations/actions/update-organisation.ts#updateOrganisationAction", { id: none.id, name: "Taken over" }],
    ["app/partner/[slug]/organisations/actions/move-organisation.ts#moveOrganisationAction", { id: none.id, partnerOrgId: w.orgA.id }],
    ["app/partner/[slug]/organisations/actions/delete-organisation.ts#deleteOrganisationAction", { id: none.id, confirm: true }],
    ["app/partner/[slug]/organisations/actions/create-organisation.ts#createOrganisationAction", { name: "Nobody's", partnerOrgId: "" }],
  ];
  const wrong: string[] = [];
  for (const caller of ["partnerViewerA", "partnerMaintainerA", "partnerAdminA"] as const) {
    for (const [key, args] of calls) {
      const before = await snapshot(w.database);
      const call = await w.clients[caller].action(byKey.get(key)!, "/", [args]);
      if (call.result?.ok !== false) wrong.push(`${key.split("#")[1]} × ${caller}: ${call.status} ${call.text.slice(0, 120)}`);
      if ((await snapshot(w.database)) !== before) wrong.push(`${key.split("#")[1]} × ${caller}: denied, but the data changed`);
    }
  }
  assert.deepEqual(wrong, []);
});
