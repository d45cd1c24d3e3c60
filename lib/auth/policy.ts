import { forbidden } from "@/lib/errors";
import type { Actor } from "./actor";

/**
 * Who may do what: the one place the permission rules live, as data. Domain functions call
 * `assertCan` first, so the admin app, the partner pages and the REST API all reach this table.
 * The authorization matrix (tests/hardening/authz-matrix.hard.ts) derives what every server
 * action, page and route must allow from it, and checks that each granted permission is used.
 *
 * To add a permission: one line in PERMISSIONS, then one line in each role that has it.
 */
export const PERMISSIONS = {
  "org:read": "see partner organisations and their details",
  "org:create": "create or invite partner organisations",
  "org:update": "edit a partner organisation",
  "org:delete": "delete a partner organisation and its users",
  "org:complete-form": "submit a pending organisation's partner form",
  "user:read": "see partner users",
  "user:create": "create, invite and re-invite partner users, or revoke their invitations",
  "user:delete": "delete partner users",
  "user:update": "change a partner user's name, email or phone",
  "user:suspend": "suspend a partner user (sessions end, no sign-in) or restore them",
  "user:role": "give a partner user a role other than Viewer",
  "user:reset": "send a partner user a password reset link",
  "user:move": "move a partner user to another partner organisation",
  "activity:read": "read the activity log",
  "admin:read": "see the portal admins and the API clients",
  "admin:manage": "invite portal admins, change their roles, remove them",
  "admin:sessions": "end another portal admin's sessions (Settings > Admins, \"End sessions\")",
  "api-client:manage": "create and revoke API clients",
  "org:suspend": "suspend and reactivate a partner organisation",
  "event:read": "read the events feed (GET /events)",
  "webhook:read": "see webhook endpoints and their delivery logs",
  "webhook:manage": "add, rotate, disable, enable and delete webhook endpoints, resend deliveries",
  // Customer organisations: `orgId` is the partner that owns one (none for "No partner"). Moving
  // needs "organisation:move" on both sides, so a partner user can only renounce their own.
  "organisation:read": "see customer organisations",
  "organisation:create": "create customer organisations",
  "organisation:update": "rename a customer organisation or edit its IDs",
  "organisation:move": "move a customer organisation to another partner or to No partner",
  "organisation:delete": "delete customer organisations",
  "scim:read": "see a partner organisation's SCIM tokens",
  "scim:manage": "create and revoke a partner organisation's SCIM tokens",
  // Usage and reports: partner users read their own partner's report only.
  "usage:ingest": "send usage records of customer organisations",
  "metric:read": "see the usage metrics",
  "metric:manage": "add, edit and delete usage metrics",
  "report:read": "see usage reports and engagement figures",
  // White label: the brand itself (name, logos, support information) is public on the sign-in page.
  "branding:manage": "upload, change and delete a partner's logos and set its support information",
  // A partner's own identity: its single sign-on connection and its verified email domains.
  "sso:read": "see a partner organisation's single sign-on settings and verified domains",
  "sso:manage": "set up, test and remove a partner's single sign-on, Require SSO and just-in-time members; add, verify and remove its domains",
  "domain:mark-verified": "mark a partner's domain as verified without its DNS record (portal admins, audited)",
} as const;

export type Permission = keyof typeof PERMISSIONS;

/** Every kind of caller, by role: portal admins, partner users, API clients, the app itself. */
export type Role =
  | "admin:owner"
  | "admin:admin"
  | "admin:viewer"
  | "partner:admin"
  | "partner:maintainer"
  | "partner:viewer"
  | "api-client"
  /**
   * A partner's directory over SCIM: the partner's member management, in its own organisation
   * only, plus changing a user's profile and suspending them (no page offers those to people yet).
   */
  | "scim-token"
  | "system"
  | "anonymous";

const ALL = Object.keys(PERMISSIONS) as Permission[];

/**
 * The table. Partner roles apply to the partner user's own organisation only (see `can`).
 * What an Owner may do beyond an Admin (grant or remove the Owner role) is a rule about the
 * target's role, kept with the admins' other rules in lib/admins/admins.ts.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  "admin:owner": [
    "org:read",
    "org:create",
    "org:update",
    "org:delete",
    "user:read",
    "user:create",
    "user:delete",
    "user:role",
    "user:reset",
    "user:move",
    "activity:read",
    "admin:read",
    "admin:manage",
    "admin:sessions",
    "api-client:manage",
    "org:suspend",
    "webhook:read",
    "webhook:manage",
    "organisation:read",
    "organisation:create",
    "organisation:update",
    "organisation:move",
    "organisation:delete",
    "scim:read",
    "scim:manage",
    "metric:read",
    "metric:manage",
    "report:read",
    "branding:manage",
    "sso:read",
    "sso:manage",
    "domain:mark-verified",
  ],
  "admin:admin": [
    "org:read",
    "org:create",
    "org:update",
    "org:delete",
    "user:read",
    "user:create",
    "user:delete",
    "user:role",
    "user:reset",
    "user:move",
    "activity:read",
    "admin:read",
    "admin:manage",
    "api-client:manage",
    "org:suspend",
    "webhook:read",
    "webhook:manage",
    "organisation:read",
    "organisation:create",
    "organisation:update",
    "organisation:move",
    "organisation:delete",
    "scim:read",
    "scim:manage",
    "metric:read",
    "metric:manage",
    "report:read",
    "branding:manage",
    "sso:read",
    "sso:manage",
    "domain:mark-verified",
  ],
  "admin:viewer": [
    "org:read",
    "user:read",
    "activity:read",
    "admin:read",
    "webhook:read",
    "organisation:read",
    "scim:read",
    "metric:read",
    "report:read",
    "sso:read",
  ],
  "partner:admin": [
    "org:read",
    "org:complete-form",
    "user:read",
    "user:create",
    "user:delete",
    "user:role",
    "activity:read",
    "organisation:read",
    "organisation:create",
    "organisation:update",
    "organisation:move",
    "organisation:delete",
    "scim:read",
    "scim:manage",
    "report:read",
    "branding:manage",
    "sso:read",
    "sso:manage",
  ],
  // Every partner role reads the partner account's activity: the trail of changes to what they
  // can already see (its organisations and members).
  "partner:maintainer": [
    "org:read",
    "user:read",
    "activity:read",
    "organisation:read",
    "organisation:create",
    "organisation:update",
    "organisation:move",
    "organisation:delete",
    "report:read",
  ],
  "partner:viewer": [
    "org:read",
    "user:read",
    "activity:read",
    "organisation:read",
    "report:read",
  ],
  // Integrations: the seven operations, plus pulling events and the audit trail (e.g. into a SIEM).
  "api-client": [
    "org:read",
    "org:create",
    "org:update",
    "org:delete",
    "user:read",
    "user:create",
    "user:delete",
    "event:read",
    "activity:read",
    "user:move",
    "organisation:read",
    "organisation:create",
    "organisation:update",
    "organisation:move",
    "organisation:delete",
    "usage:ingest",
  ],
  "scim-token": [
    "user:read",
    "user:create",
    "user:delete",
    "user:update",
    "user:suspend",
    "user:role",
  ],
  system: ALL,
  anonymous: [],
};

export function roleOf(actor: Actor): Role {
  switch (actor.kind) {
    case "admin":
      return `admin:${actor.role}`;
    case "partner_user":
      return `partner:${actor.role}`;
    case "api_client":
      return "api-client";
    case "scim_token":
      return "scim-token";
    default:
      return actor.kind;
  }
}

/**
 * `orgId`: the organisation acted on, when there is one. Partner users and SCIM tokens act only on
 * their own organisation, so for them a permission without that organisation is refused.
 */
export function can(actor: Actor, permission: Permission, orgId?: string): boolean {
  if ((actor.kind === "partner_user" || actor.kind === "scim_token") && (orgId === undefined || orgId !== actor.partnerOrgId)) return false;
  return ROLE_PERMISSIONS[roleOf(actor)].includes(permission);
}

export function assertCan(actor: Actor, permission: Permission, orgId?: string): void {
  if (!can(actor, permission, orgId)) throw forbidden();
}
