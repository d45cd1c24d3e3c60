/**
 * The authorization table: every server action, page and route handler of the build, with the
 * door it is reached through and the permissions it needs (the rule), how to call it as each
 * caller, and what in the answer shows the call was allowed. What each cell must answer is derived
 * from the policy table (ROLE_PERMISSIONS in lib/auth/policy.ts) by `expected`. Run by
 * authz-matrix.hard.ts.
 */
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/policy";
import { createApiClient } from "@/lib/api-clients/api-clients";
import { createPartnerUser } from "@/lib/partners/users";
import { ingestUsage } from "@/lib/usage/ingest";
import { createMetric } from "@/lib/usage/metrics";
import { issueToken } from "@/lib/password-links/tokens";
import { suspendPartnerOrg } from "@/lib/partners/suspension";
import { setPartnerLogo } from "@/lib/branding/branding";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { rowsOf } from "@/db";
import { partnerSsoConnection } from "@/db/schema";
import { parseIdpMetadata } from "@/lib/sso/saml";
import { TestSamlIdp } from "../helpers/saml-idp";
import { SCIM_ACTIONS, SCIM_ROUTES } from "./authz-scim";
import { SSO_ACTIONS, SSO_ROUTES } from "./authz-sso";
import { DOMAIN_ACTIONS } from "./authz-domains";
import { makeAdmin, makeCustomer, makeOrg, makePartnerUser, setOrgStatus, uniq, type Caller, type Target, type World } from "./world";

export type Outcome = { allowed: boolean; status: number; note: string };

/** Where an entry is reached from: each door takes one kind of caller (or anyone). */
export type Door = "admin" | "partner" | "api" | "scim" | "public" | "session";
export interface Rule {
  door: Door;
  needs: Permission[];
}
export const admin = (...needs: Permission[]): Rule => ({ door: "admin", needs });
export const partner = (...needs: Permission[]): Rule => ({ door: "partner", needs });
export const api = (...needs: Permission[]): Rule => ({ door: "api", needs });
export const scim = (...needs: Permission[]): Rule => ({ door: "scim", needs });
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
  scimA: { kind: "scim_token", id: "st", partnerOrgId: "A", label: "st" },
  scimRevokedA: { kind: "anonymous", label: "revoked SCIM token" },
};
export const DOOR_TAKES: Record<Door, (a: Actor, target: Target) => boolean> = {
  admin: (a) => a.kind === "admin",
  partner: (a) => a.kind === "partner_user",
  api: (a) => a.kind === "api_client",
  // A SCIM base URL names its partner: only that partner's token opens it, whatever it asks.
  scim: (a, target) => a.kind === "scim_token" && a.partnerOrgId === target,
  public: () => true,
  // Either app's session (portal admin or partner user), e.g. an SSO Test connection.
  session: (a) => a.kind === "admin" || a.kind === "partner_user",
};

/** The cell's expected answer, from the policy table. N is a customer organisation with no partner: no `orgId`. */
export function expected(rule: Rule, caller: Caller, target: Target): boolean {
  const actor = ACTOR[caller];
  return DOOR_TAKES[rule.door](actor, target) && rule.needs.every((p) => can(actor, p, target === "N" ? undefined : target));
}

export const org = (w: World, t: Target) => (t === "A" ? w.orgA : t === "B" ? w.orgB : assert.fail("partner organisation cells run on A and B"));
export const other = (w: World, t: Target) => (t === "A" ? w.orgB : w.orgA);
/** Customer organisation cells: one owned by A (the partner callers' own), by B, or by no partner (N). */
export const CUSTOMER_TARGETS = ["A", "B", "N"] as const;
export const freshCustomer = (w: World, t: Target) => makeCustomer(w.database, t === "N" ? null : org(w, t));
export const freshEmail = () => `${uniq("m")}@matrix.example`;
export const invitedUser = async (w: World, t: Target) => createPartnerUser(w.database.db, systemActor, org(w, t).id, { email: freshEmail(), role: "viewer" });
const endpoint = async (w: World) => (await createWebhookEndpoint(w.database.db, systemActor, { url: `https://${uniq("hooks")}.example/in`, eventTypes: null })).endpoint;
/** A finished (failed) delivery to a fresh endpoint: the app's worker fans the event out, we mark it failed. */
const failedDelivery = async (w: World) => {
  const ep = await endpoint(w);
  await makeOrg(w.database);
  for (let i = 0; i < 100; i++) {
    const [row] = rowsOf<{ id: string }>(await w.database.db.execute(sql`update webhook_delivery set status = 'failed' where endpoint_id = ${ep.id} returning id`));
    if (row) return { endpointId: ep.id, deliveryId: Number(row.id) };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the app's outbox worker made no delivery");
};
/** Suspension acts on a throwaway organisation for admins: suspending A would sign its partner callers out. */
const suspendable = async (w: World, t: Target, c: Caller) => (c.startsWith("partner") ? org(w, t).id : (await makeOrg(w.database)).id);

/** A metric nobody else uses, for the metric cells (they change or delete it). */
const freshMetric = async (w: World) => createMetric(w.database.db, systemActor, { key: uniq("m").replace(/[^a-z0-9]/g, "_"), name: uniq("Metric"), unit: "GB", aggregation: "sum" });
/** Today's usage of the target's customer organisation, so its name shows in reports (fixed ids: a second call stores nothing). */
async function withUsage(w: World, t: Target): Promise<void> {
  await createMetric(w.database.db, systemActor, { key: "matrix_gb", name: "Matrix GB", unit: "GB", aggregation: "sum" }).catch(() => undefined);
  const date = new Date().toISOString().slice(0, 10);
  await ingestUsage(w.database.db, systemActor, [{ id: `matrix-${t}-${date}`, organisationId: w.customers[t].id, metric: "matrix_gb", quantity: 1, date }]);
}

/** A 1 × 1 PNG, base64: the smallest logo an upload cell sends. */
const TINY_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
/** The target's light logo, uploaded by the app itself: its public address. */
const uploadedLogo = async (w: World, t: Target) => (await setPartnerLogo(w.database.db, systemActor, org(w, t).id, "light", Buffer.from(TINY_PNG, "base64"))).logo!;

export type Cleanup = (w: World, target: Target, caller?: Caller) => Promise<void>;
export type Targets = readonly Target[];
export interface ActionSpec {
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

export const ACTIONS: Record<string, ActionSpec> = {
  "app/(admin)/settings/admins/actions/change-admin-role.ts#changeAdminRoleAction": action(async (w) => ({ id: (await makeAdmin(w.database, "viewer", false)).id, role: "admin" }), admin("admin:manage")),
  "app/(admin)/settings/admins/actions/remove-admin.ts#removeAdminAction": action(async (w) => ({ id: (await makeAdmin(w.database, "viewer", false)).id }), admin("admin:manage")),
  "app/(admin)/settings/admins/actions/end-admin-sessions.ts#endAdminSessionsAction": action(async (w) => ({ id: (await makeAdmin(w.database, "viewer")).id }), admin("admin:sessions")),
  // Signing oneself out everywhere needs no permission, only a session of that door's kind; it
  // ends the caller's session, so the caller signs in again after each cell.
  "app/(admin)/actions/sign-out-everywhere.ts#adminSignOutEverywhereAction": action(async () => ({}), admin(), (w, _t, c) => w.signInAgain(c!)),
  "app/partner/actions/sign-out-everywhere.ts#partnerSignOutEverywhereAction": action(async () => ({}), partner(), (w, _t, c) => w.signInAgain(c!)),
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
  // The partner account's Members page.
  "app/partner/[slug]/members/actions/invite-member.ts#inviteMemberAction": action(async (w, t) => ({ orgId: org(w, t).id, email: freshEmail(), role: "viewer" }), partner("user:create")),
  "app/partner/[slug]/members/actions/change-member-role.ts#changeMemberRoleAction": action(
    async (w, t) => ({ orgId: org(w, t).id, userId: (await invitedUser(w, t)).id, role: "maintainer" }),
    partner("user:role"),
  ),
  "app/partner/[slug]/members/actions/remove-member.ts#removeMemberAction": action(async (w, t) => ({ orgId: org(w, t).id, userId: (await invitedUser(w, t)).id }), partner("user:delete")),
  "app/partner/[slug]/members/actions/resend-invitation.ts#resendInvitationAction": action(async (w, t) => ({ orgId: org(w, t).id, userId: (await invitedUser(w, t)).id }), partner("user:create")),
  "app/partner/[slug]/members/actions/revoke-invitation.ts#revokeInvitationAction": action(async (w, t) => ({ orgId: org(w, t).id, userId: (await invitedUser(w, t)).id }), partner("user:create")),
  // The partner account's Organisations: customer organisations owned by A (the partner callers'
  // own), by B, or by no partner (N), which no partner user may touch.
  "app/partner/[slug]/organisations/actions/create-organisation.ts#createOrganisationAction": action(
    async (w, t) => ({ name: uniq("Partner-made"), partnerOrgId: t === "N" ? "" : org(w, t).id }),
    partner("organisation:create"),
    undefined,
    CUSTOMER_TARGETS,
  ),
  "app/partner/[slug]/organisations/actions/update-organisation.ts#updateOrganisationAction": action(
    async (w, t) => ({ id: (await freshCustomer(w, t)).id, name: uniq("Renamed"), zuoraAccountId: "C-1" }),
    partner("organisation:update"),
    undefined,
    CUSTOMER_TARGETS,
  ),
  // Renouncing ownership (to No partner), the only move a partner user has; N is taken over.
  "app/partner/[slug]/organisations/actions/move-organisation.ts#moveOrganisationAction": action(
    async (w, t) => ({ id: (await freshCustomer(w, t)).id, partnerOrgId: t === "N" ? w.orgA.id : "" }),
    partner("organisation:move"),
    undefined,
    CUSTOMER_TARGETS,
  ),
  "app/partner/[slug]/organisations/actions/delete-organisation.ts#deleteOrganisationAction": action(
    async (w, t) => ({ id: (await freshCustomer(w, t)).id, confirm: true }),
    partner("organisation:delete"),
    undefined,
    CUSTOMER_TARGETS,
  ),
  // The form acts on the caller's own org: the target org is made pending; B stays untouched for A's Admin.
  "app/partner/complete/actions/complete-partner-form.ts#completePartnerFormAction": action(
    async (w, t) => {
      await setOrgStatus(w.database, org(w, t).id, "pending");
      return { name: org(w, t).name, zuoraAccountId: "A0001", invoiceOwner: "partner" };
    },
    partner("org:complete-form"),
    async (w, t) => setOrgStatus(w.database, org(w, t).id, "approved"),
  ),
  "app/(admin)/settings/profile/partners/actions/suspend-partner.ts#suspendPartnerAction": action(async (w, t, c) => ({ id: await suspendable(w, t, c), reason: "Matrix" }), admin("org:suspend")),
  "app/(admin)/settings/profile/partners/actions/reactivate-partner.ts#reactivatePartnerAction": action(async (w, t, c) => {
    const id = await suspendable(w, t, c);
    if (!c.startsWith("partner")) await suspendPartnerOrg(w.database.db, systemActor, id, "Matrix");
    return { id };
  }, admin("org:suspend")),
  "app/(admin)/settings/webhooks/actions/create-webhook-endpoint.ts#createWebhookEndpointAction": action(
    async () => ({ url: `https://${uniq("hooks")}.example/in`, allTypes: true, eventTypes: [] }),
    admin("webhook:manage"),
  ),
  "app/(admin)/settings/webhooks/actions/rotate-webhook-secret.ts#rotateWebhookSecretAction": action(async (w) => ({ id: (await endpoint(w)).id }), admin("webhook:manage")),
  "app/(admin)/settings/webhooks/actions/set-webhook-endpoint-enabled.ts#setWebhookEndpointEnabledAction": action(async (w) => ({ id: (await endpoint(w)).id, enabled: false }), admin("webhook:manage")),
  "app/(admin)/settings/webhooks/actions/delete-webhook-endpoint.ts#deleteWebhookEndpointAction": action(async (w) => ({ id: (await endpoint(w)).id }), admin("webhook:manage")),
  "app/(admin)/settings/webhooks/actions/resend-webhook-delivery.ts#resendWebhookDeliveryAction": action(async (w) => failedDelivery(w), admin("webhook:manage")),
  // Public by design: the answer is the same whether or not the email exists.
  // Every caller posts from one address: its per-address limit is cleared after each call.
  "app/partner/actions/request-password-reset.ts#requestPasswordResetAction": action(async () => ({ email: freshEmail() }), PUBLIC, async (w) => {
    await w.database.db.execute(sql`delete from rate_limit where key like 'reset-addr:%'`);
  }),
  "app/forgot-password/actions/request-admin-password-reset.ts#requestAdminPasswordResetAction": action(async () => ({ email: freshEmail() }), PUBLIC, async (w) => {
    await w.database.db.execute(sql`delete from rate_limit where key like 'reset-addr:%'`);
  }),
  "app/(admin)/settings/profile/partners/actions/move-user.ts#moveUserAction": action(
    async (w, t) => ({ orgId: org(w, t).id, userId: (await invitedUser(w, t)).id, toOrgId: other(w, t).id, role: "viewer" }),
    admin("user:move"),
  ),
  // Partner callers aim at the real org A or B; the others at a throwaway org, so A's and B's slugs stay.
  "app/(admin)/settings/profile/partners/actions/update-partner-slug.ts#updatePartnerSlugAction": action(
    async (w, t, c) => ({ id: c.startsWith("partner") ? org(w, t).id : (await makeOrg(w.database)).id, slug: uniq("moved").toLowerCase() }),
    admin("org:update"),
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
  "app/(admin)/organisations/actions/find-partners.ts#findPartnersAction": action(async () => ({ q: "" }), admin("org:read")),
  // White label: the partner's logos and support information, from its Settings page or the admin app.
  "app/partner/[slug]/settings/actions/upload-logo.ts#uploadLogoAction": action(async (w, t) => ({ orgId: org(w, t).id, variant: "light", file: TINY_PNG }), partner("branding:manage")),
  "app/partner/[slug]/settings/actions/delete-logo.ts#deleteLogoAction": action(async (w, t) => ({ orgId: org(w, t).id, variant: "dark" }), partner("branding:manage")),
  "app/partner/[slug]/settings/actions/update-support-info.ts#updateSupportInfoAction": action(
    async (w, t) => ({ orgId: org(w, t).id, supportInfo: "[Matrix support](https://support.example/matrix)" }),
    partner("branding:manage"),
  ),
  "app/(admin)/settings/profile/partners/actions/upload-logo.ts#uploadLogoAction": action(async (w, t) => ({ orgId: org(w, t).id, variant: "dark", file: TINY_PNG }), admin("branding:manage")),
  "app/(admin)/settings/profile/partners/actions/delete-logo.ts#deleteLogoAction": action(async (w, t) => ({ orgId: org(w, t).id, variant: "light" }), admin("branding:manage")),
  "app/(admin)/settings/profile/partners/actions/update-support-info.ts#updateSupportInfoAction": action(
    async (w, t) => ({ orgId: org(w, t).id, supportInfo: "Matrix support: ring us" }),
    admin("branding:manage"),
  ),
  ...SCIM_ACTIONS,
  ...SSO_ACTIONS,
  ...DOMAIN_ACTIONS,
};

/** One look at a page: the rule it follows and what in the answer shows it was allowed. */
export interface PageSpec {
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
const escSlug = (w: World, t: Target) => org(w, t).slug;
const customerName = (w: World, t: Target) => w.customers[t].name;
/** A page of the target partner's account, /partner/<slug>… */
const account = (rest = "") => (w: World, t: Target) => `/partner/${org(w, t).slug}${rest}`;
/** A redirect to the target's own page, and nowhere else. */
const redirectsTo = (where: (w: World, t: Target) => string) => (res: Response, _body: string, w: World, t: Target) =>
  res.status >= 300 && res.status < 400 && new URL(res.headers.get("location") ?? "", "http://x").pathname === where(w, t);
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
  "/settings/webhooks": [{ path: () => "/settings/webhooks", allowed: shows("Webhook endpoints"), rule: admin("webhook:read") }],
  "/settings/webhooks/[id]": [{ path: async (w) => `/settings/webhooks/${(await endpoint(w)).id}`, allowed: shows("Delivery log"), rule: admin("webhook:read") }],
  "/settings/profile/partners": [{ path: (w, t) => `/settings/profile/partners?q=${encodeURIComponent(org(w, t).name)}`, allowed: shows(escName), rule: admin("org:read") }],
  "/settings/profile/partners/[id]": [
    { path: (w, t) => `/settings/profile/partners/${org(w, t).id}`, allowed: shows(escName, "Partner users"), rule: admin("org:read", "user:read") },
    { path: (w, t) => `/settings/profile/partners/${org(w, t).id}`, allowed: shows('id="org-activity-heading"'), rule: admin("org:read", "activity:read") },
    { path: (w, t) => `/settings/profile/partners/${org(w, t).id}`, allowed: shows('id="partner-organisations-heading"'), rule: admin("org:read", "organisation:read") },
    { path: (w, t) => `/settings/profile/partners/${org(w, t).id}`, allowed: shows('id="scim-heading"'), rule: admin("org:read", "scim:read") },
    { path: (w, t) => `/settings/profile/partners/${org(w, t).id}`, allowed: shows('id="sso-heading"'), rule: admin("org:read", "sso:read") },
    { path: (w, t) => `/settings/profile/partners/${org(w, t).id}`, allowed: shows('id="domains-heading"'), rule: admin("org:read", "sso:read") },
    { path: (w, t) => `/settings/profile/partners/${org(w, t).id}`, allowed: shows(escSlug, 'aria-label="Change slug"'), rule: admin("org:read", "org:update") },
    { path: (w, t) => `/settings/profile/partners/${org(w, t).id}`, allowed: shows(escName, 'id="branding-heading"'), rule: admin("org:read", "branding:manage") },
  ],
  "/organisations": [
    { path: (w, t) => `/organisations?q=${encodeURIComponent(w.customers[t].name)}`, allowed: shows(customerName), rule: admin("organisation:read"), targets: CUSTOMER_TARGETS },
  ],
  "/organisations/[id]": [
    { path: (w, t) => `/organisations/${w.customers[t].id}`, allowed: shows(customerName), rule: admin("organisation:read"), targets: CUSTOMER_TARGETS },
  ],
  "/invite/[token]": [{ path: tokenPath("invite"), allowed: shows("Set password"), rule: PUBLIC }],
  "/reset-password/[token]": [{ path: tokenPath("reset"), allowed: shows("Set password"), rule: PUBLIC }],
  "/settings/usage-metrics": [{ path: () => "/settings/usage-metrics", allowed: shows("Usage metrics"), rule: admin("metric:read") }],
  "/reports": [{ path: async (w, t) => (await withUsage(w, t), "/reports"), allowed: shows("Usage by partner", escName), rule: admin("report:read") }],
  "/reports/[partnerId]": [{ path: async (w, t) => (await withUsage(w, t), `/reports/${org(w, t).id}`), allowed: shows(customerName), rule: admin("report:read") }],
  "/partner/forgot-password": [{ path: () => "/partner/forgot-password", allowed: ok200, rule: PUBLIC }],
  // Where a partner's single sign-on lands (lib/sso/complete.ts): public pages in words; the ticket cookie decides who signs in.
  "/partner/sso/complete": [{ path: () => "/partner/sso/complete", allowed: shows("Single sign-on"), rule: PUBLIC }],
  "/partner/sso/refused": [{ path: () => "/partner/sso/refused?reason=provider_error", allowed: shows("Your identity provider"), rule: PUBLIC }],
  "/forgot-password": [{ path: () => "/forgot-password", allowed: ok200, rule: PUBLIC }],
  // /partner sends a partner user to their own account, /partner/<slug>: never B's, whoever asks.
  "/partner": [
    { path: () => "/partner", allowed: redirectsTo(account()), rule: partner("org:read") },
    // The branded sign-in, /partner?partner=<slug>: anyone not signed in as a partner user sees the
    // partner's public brand; a partner user is sent to their own account as always.
    {
      path: (w, t) => `/partner?partner=${org(w, t).slug}`,
      allowed: (res, body, w, t) =>
        (res.status === 200 && body.includes('data-testid="sign-in-brand"') && body.includes(escName(w, t))) ||
        (res.status >= 300 && res.status < 400 && new URL(res.headers.get("location") ?? "", "http://x").pathname === `/partner/${w.orgA.slug}`),
      rule: PUBLIC,
    },
  ],
  // The old address: its own organisation's id redirects to the slug; any other is "not found".
  "/partner/orgs/[orgId]": [{ path: (w, t) => `/partner/orgs/${org(w, t).id}`, allowed: redirectsTo(account()), rule: partner("org:read") }],
  // The partner account: A's slug is the partner callers' own, B's another partner's.
  "/partner/[slug]": [
    { path: account(), allowed: shows(escName, "Customer organisations", customerName), rule: partner("org:read", "organisation:read") },
    { path: account(), allowed: shows(escName, "Create an Organisation"), rule: partner("org:read", "organisation:create") },
  ],
  "/partner/[slug]/members": [
    { path: account("/members"), allowed: shows(escName, "Members of your partner account"), rule: partner("org:read", "user:read") },
    { path: account("/members"), allowed: shows(escName, "Add Member"), rule: partner("org:read", "user:create") },
    { path: account("/members"), allowed: shows(escName, 'aria-label="Edit"'), rule: partner("org:read", "user:role") },
    { path: account("/members"), allowed: shows(escName, 'aria-label="Delete"'), rule: partner("org:read", "user:delete") },
  ],
  "/partner/[slug]/activity": [{ path: account("/activity"), allowed: shows(escName, "Activity of your partner account"), rule: partner("org:read", "activity:read") }],
  // The customer organisation shows only in its own partner's report.
  "/partner/[slug]/reports": [
    { path: async (w, t) => (await withUsage(w, t), account("/reports")(w, t)), allowed: shows(escName, "Usage by organisation", customerName), rule: partner("org:read", "report:read") },
  ],
  "/partner/[slug]/settings": [
    { path: account("/settings"), allowed: shows(escName, escSlug), rule: partner("org:read") },
    { path: account("/settings"), allowed: shows(escName, 'id="scim-heading"'), rule: partner("org:read", "scim:read") },
    { path: account("/settings"), allowed: shows(escName, 'id="sso-heading"'), rule: partner("org:read", "sso:read") },
    { path: account("/settings"), allowed: shows(escName, 'id="domains-heading"'), rule: partner("org:read", "sso:read") },
    { path: account("/settings"), allowed: shows(escName, 'id="branding-heading"', "Upload Logo"), rule: partner("org:read", "branding:manage") },
  ],
  // A customer organisation's page: under the slug of the partner that owns it (A's own, B's
  // another's), and under A's own slug whoever owns it (A, B, or no partner: only A's opens).
  "/partner/[slug]/organisations/[id]": [
    { path: (w, t) => `/partner/${org(w, t).slug}/organisations/${w.customers[t].id}`, allowed: shows(customerName), rule: partner("organisation:read") },
    { path: (w, t) => `/partner/${w.orgA.slug}/organisations/${w.customers[t].id}`, allowed: shows(customerName), rule: partner("organisation:read"), targets: CUSTOMER_TARGETS },
    { path: (w, t) => `/partner/${org(w, t).slug}/organisations/${w.customers[t].id}`, allowed: shows(customerName, 'id="organisation-settings-heading"'), rule: partner("organisation:read", "organisation:update") },
    { path: (w, t) => `/partner/${org(w, t).slug}/organisations/${w.customers[t].id}`, allowed: shows(customerName, "Move Organisation to another Partner"), rule: partner("organisation:read", "organisation:move") },
    { path: (w, t) => `/partner/${org(w, t).slug}/organisations/${w.customers[t].id}`, allowed: shows(customerName, "Delete Organisation"), rule: partner("organisation:read", "organisation:delete") },
  ],
  "/partner/complete": [
    { path: async (w, t) => (await pending(w, t), "/partner/complete"), allowed: shows(escName), rule: partner("org:read"), cleanup: approved },
    { path: async (w, t) => (await pending(w, t), "/partner/complete"), allowed: shows(escName, "Submit partner form"), rule: partner("org:read", "org:complete-form"), cleanup: approved },
  ],
};
/** Next's own pages, rendered for every caller alike. */
export const FRAMEWORK = new Set(["/_global-error", "/_not-found"]);

export type RouteSpec = {
  request: (w: World, t: Target, c: Caller) => Promise<{ path: string; init?: RequestInit }>;
  allowed: (res: Response, body: string, w: World, t: Target) => boolean;
  rule: Rule;
  targets?: Targets;
};
const API = "/api/partner-management";
const json = (method: string, body: unknown): RequestInit => ({ method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const success = (res: Response) => res.status >= 200 && res.status < 300;
const csv = (res: Response) => res.status === 200 && (res.headers.get("content-type") ?? "").includes("text/csv");

/** The target's SAML connection (a test IdP's metadata), made once. */
const samlConnection = async (w: World, t: Target) => {
  const idp = (samlIdp ??= new TestSamlIdp("https://idp.matrix.example/saml", "https://idp.matrix.example/saml/sso"));
  const settings = parseIdpMetadata(idp.metadataXml());
  await w.database.db
    .insert(partnerSsoConnection)
    .values({ partnerOrgId: org(w, t).id, protocol: "saml", enabled: true, samlIdpMetadata: idp.metadataXml(), samlIdpEntityId: settings.entityId, samlIdpSsoUrl: settings.ssoUrl, samlIdpCertificates: settings.certificates })
    .onConflictDoNothing();
};
let samlIdp: TestSamlIdp | undefined;

/** A route that answers some callers more (e.g. a test mode) has one look per rule, as pages do. */
export const ROUTES: Record<string, RouteSpec | RouteSpec[]> = {
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
  "/api/partner-management/events GET": { request: async () => ({ path: `${API}/events?limit=5` }), allowed: success, rule: api("event:read") },
  "/api/partner-management/activity GET": { request: async (w, t) => ({ path: `${API}/activity?org=${org(w, t).id}&limit=5` }), allowed: success, rule: api("activity:read") },
  "/activity/export GET": { request: async () => ({ path: "/activity/export?format=csv&action=partner_org.created" }), allowed: csv, rule: admin("activity:read") },
  // A partner Admin exports only their own organisation's trail: asking for B's is refused.
  "/partner/activity/export GET": {
    request: async (w, t) => ({ path: `/partner/activity/export?format=jsonl&org=${org(w, t).id}` }),
    allowed: (res) => res.status === 200 && (res.headers.get("content-type") ?? "").includes("ndjson"),
    rule: partner("activity:read"),
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
  ...SCIM_ROUTES,
  ...SSO_ROUTES,
  "/api/partner-management/usage POST": {
    request: async (w, t) => {
      await withUsage(w, "A");
      const record = { id: uniq("usage"), organisationId: w.customers[t].id, metric: "matrix_gb", quantity: 2, date: new Date().toISOString().slice(0, 10) };
      return { path: `${API}/usage`, init: json("POST", { records: [record] }) };
    },
    allowed: success,
    rule: api("usage:ingest"),
    targets: CUSTOMER_TARGETS,
  },
  "/reports/export GET": {
    request: async (w, t) => (await withUsage(w, t), { path: "/reports/export?period=7d" }),
    allowed: (res, body, w, t) => csv(res) && body.includes(org(w, t).name),
    rule: admin("report:read"),
  },
  "/reports/[partnerId]/export GET": {
    request: async (w, t) => (await withUsage(w, t), { path: `/reports/${org(w, t).id}/export?period=7d` }),
    allowed: (res, body, w, t) => csv(res) && body.includes(w.customers[t].name),
    rule: admin("report:read"),
  },
  // A partner user's own account only: another partner's slug is "not found".
  "/partner/[slug]/reports/export GET": {
    request: async (w, t) => (await withUsage(w, t), { path: `/partner/${org(w, t).slug}/reports/export?period=7d` }),
    allowed: (res, body, w, t) => csv(res) && body.includes(w.customers[t].name),
    rule: partner("org:read", "report:read"),
  },
  // White label, public by design: what the branded sign-in shows, and the logos it shows.
  "/api/partner-management/branding/[slug] GET": {
    request: async (w, t) => ({ path: `${API}/branding/${org(w, t).slug}` }),
    allowed: (res, body, w, t) => res.status === 200 && body.includes(JSON.stringify(org(w, t).name)),
    rule: PUBLIC,
  },
  "/api/logos/[file] GET": {
    request: async (w, t) => ({ path: await uploadedLogo(w, t) }),
    allowed: (res) => res.status === 200 && res.headers.get("content-type") === "image/webp",
    rule: PUBLIC,
  },
  "/sso GET": {
    request: async (w, t) => ({ path: `/sso?partner=${org(w, t).slug}` }),
    allowed: (res, _body, w, t) => res.status === 307 && res.headers.get("location") === `/partner?partner=${org(w, t).slug}`,
    rule: PUBLIC,
  },
  // A partner's SAML service provider: public doors (the IdP's answer arrives through the browser,
  // the metadata is for the IdP's admin). Garbage is refused as such (400), never a 5xx.
  "/api/sso/[partnerOrgId]/saml/acs POST": {
    request: async (w, t) => (await samlConnection(w, t), {
      path: `/api/sso/${org(w, t).id}/saml/acs`,
      init: { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ SAMLResponse: Buffer.from("<samlp:Response").toString("base64") }) },
    }),
    allowed: (res, body) => res.status === 400 && body.includes("not well-formed"),
    rule: PUBLIC,
  },
  "/api/sso/[partnerOrgId]/saml/metadata GET": {
    request: async (w, t) => ({ path: `/api/sso/${org(w, t).id}/saml/metadata?download=1` }),
    allowed: (res, body, w, t) => res.status === 200 && (res.headers.get("content-type") ?? "").startsWith("application/samlmetadata+xml") && body.includes(`/api/sso/${org(w, t).id}/saml/acs`),
    rule: PUBLIC,
  },
  "/settings/profile/partners/export GET": { request: async () => ({ path: "/settings/profile/partners/export" }), allowed: csv, rule: admin("org:read") },
  "/settings/profile/partners/[id]/users/export GET": { request: async (w, t) => ({ path: `/settings/profile/partners/${org(w, t).id}/users/export` }), allowed: csv, rule: admin("user:read") },
};
