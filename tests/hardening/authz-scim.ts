/**
 * The authorization table's SCIM part: the token actions (admin app and partner pages) and every
 * SCIM endpoint, aimed at the target organisation's base URL; each caller sends what it holds as
 * the bearer (only org A's unrevoked SCIM token is a SCIM token). Spread into authz-table.ts.
 */
import { systemActor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/policy";
import { createPartnerUser } from "@/lib/partners/users";
import { createScimToken } from "@/lib/scim/tokens";
import type { ActionSpec, Rule, RouteSpec } from "./authz-table";
import { uniq, type Target, type World } from "./world";

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const P = "/api/scim/v2/[partnerOrganisationId]";

const rule = (door: Rule["door"], ...needs: Permission[]): Rule => ({ door, needs });
const org = (w: World, t: Target) => (t === "A" ? w.orgA : w.orgB);
const base = (w: World, t: Target) => `/api/scim/v2/${org(w, t).id}`;
const freshEmail = () => `${uniq("scim")}@matrix.example`;
const freshUser = async (w: World, t: Target) => (await createPartnerUser(w.database.db, systemActor, org(w, t).id, { email: freshEmail(), role: "viewer" })).id;
const tokenOf = async (w: World, t: Target) => (await createScimToken(w.database.db, systemActor, org(w, t).id, {})).row.id;
const success = (res: Response) => res.status >= 200 && res.status < 300;
const body = (method: string, value: unknown): RequestInit => ({ method, headers: { "content-type": "application/scim+json" }, body: JSON.stringify(value) });
const get = (path: (w: World, t: Target) => string, r = rule("scim")): RouteSpec => ({ request: async (w, t) => ({ path: path(w, t) }), allowed: success, rule: r });

export const SCIM_ACTIONS: Record<string, ActionSpec> = {
  "app/(admin)/settings/profile/partners/actions/create-scim-token.ts#createScimTokenAction": {
    args: async (w, t) => ({ orgId: org(w, t).id, description: uniq("tok") }),
    rule: rule("admin", "scim:manage"),
  },
  "app/(admin)/settings/profile/partners/actions/revoke-scim-token.ts#revokeScimTokenAction": {
    args: async (w, t) => ({ orgId: org(w, t).id, id: await tokenOf(w, t) }),
    rule: rule("admin", "scim:manage"),
  },
  "app/partner/actions/create-scim-token.ts#createPartnerScimTokenAction": {
    args: async (w, t) => ({ orgId: org(w, t).id, description: uniq("tok") }),
    rule: rule("partner", "scim:manage"),
  },
  "app/partner/actions/revoke-scim-token.ts#revokePartnerScimTokenAction": {
    args: async (w, t) => ({ orgId: org(w, t).id, id: await tokenOf(w, t) }),
    rule: rule("partner", "scim:manage"),
  },
};

export const SCIM_ROUTES: Record<string, RouteSpec> = {
  [`${P}/ServiceProviderConfig GET`]: get((w, t) => `${base(w, t)}/ServiceProviderConfig`),
  [`${P}/ResourceTypes GET`]: get((w, t) => `${base(w, t)}/ResourceTypes`),
  [`${P}/ResourceTypes/[id] GET`]: get((w, t) => `${base(w, t)}/ResourceTypes/User`),
  [`${P}/Schemas GET`]: get((w, t) => `${base(w, t)}/Schemas`),
  [`${P}/Schemas/[id] GET`]: get((w, t) => `${base(w, t)}/Schemas/${USER}`),
  [`${P}/Users GET`]: get((w, t) => `${base(w, t)}/Users?filter=${encodeURIComponent(`userName eq "${w.emails.pViewer}"`)}`, rule("scim", "user:read")),
  [`${P}/Users POST`]: {
    request: async (w, t) => ({ path: `${base(w, t)}/Users`, init: body("POST", { schemas: [USER], userName: freshEmail() }) }),
    allowed: success,
    rule: rule("scim", "user:create"),
  },
  [`${P}/Users/[id] GET`]: { request: async (w, t) => ({ path: `${base(w, t)}/Users/${await freshUser(w, t)}` }), allowed: success, rule: rule("scim", "user:read") },
  // A new email and a role above Viewer: the profile and the role change.
  [`${P}/Users/[id] PUT`]: {
    request: async (w, t) => ({
      path: `${base(w, t)}/Users/${await freshUser(w, t)}`,
      init: body("PUT", { schemas: [USER], userName: freshEmail(), roles: [{ value: "maintainer", primary: true }] }),
    }),
    allowed: success,
    rule: rule("scim", "user:update", "user:role"),
  },
  [`${P}/Users/[id] PATCH`]: {
    request: async (w, t) => ({ path: `${base(w, t)}/Users/${await freshUser(w, t)}`, init: body("PATCH", { schemas: [PATCH_OP], Operations: [{ op: "replace", value: { active: false } }] }) }),
    allowed: success,
    rule: rule("scim", "user:suspend"),
  },
  [`${P}/Users/[id] DELETE`]: {
    request: async (w, t) => ({ path: `${base(w, t)}/Users/${await freshUser(w, t)}`, init: { method: "DELETE" } }),
    allowed: success,
    rule: rule("scim", "user:delete"),
  },
  [`${P}/Groups GET`]: get((w, t) => `${base(w, t)}/Groups?excludedAttributes=members`, rule("scim", "user:read")),
  // Groups are fixed: past the token, creating one is always refused, with a SCIM error.
  [`${P}/Groups POST`]: {
    request: async (w, t) => ({ path: `${base(w, t)}/Groups`, init: body("POST", { schemas: [GROUP], displayName: "Admin" }) }),
    allowed: (r) => r.status === 409,
    rule: rule("scim"),
  },
  [`${P}/Groups/[id] GET`]: get((w, t) => `${base(w, t)}/Groups/admin`, rule("scim", "user:read")),
  // Viewer's member list: listing a fresh Viewer changes no one (the matrix's own callers keep their roles).
  [`${P}/Groups/[id] PUT`]: {
    request: async (w, t) => ({ path: `${base(w, t)}/Groups/viewer`, init: body("PUT", { schemas: [GROUP], displayName: "Viewer", members: [{ value: await freshUser(w, t) }] }) }),
    allowed: success,
    rule: rule("scim", "user:role"),
  },
  [`${P}/Groups/[id] PATCH`]: {
    request: async (w, t) => ({
      path: `${base(w, t)}/Groups/maintainer`,
      init: body("PATCH", { schemas: [PATCH_OP], Operations: [{ op: "add", path: "members", value: [{ value: await freshUser(w, t) }] }] }),
    }),
    allowed: success,
    rule: rule("scim", "user:role"),
  },
};
