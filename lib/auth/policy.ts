import { forbidden } from "@/lib/errors";
import type { Actor } from "./actor";

/**
 * What each kind of caller may do: the one place the permission rules live. Domain functions
 * call `assertCan` first, so the admin UI, the server actions and the REST API share it.
 */
export type Permission =
  | "org:read"
  | "org:create"
  | "org:update"
  | "org:delete"
  | "org:complete-form"
  | "user:read"
  | "user:create"
  | "user:delete"
  | "user:role"
  | "user:reset"
  /** A portal admin moves a partner user to another partner organisation. */
  | "user:move"
  | "activity:read"
  | "admin:read"
  | "admin:manage"
  | "api-client:manage"
  /** Customer organisations; `orgId` is the partner that owns the organisation (none: "No partner"). */
  | "organisation:read"
  | "organisation:create"
  | "organisation:update"
  | "organisation:move"
  | "organisation:delete";

const ORGANISATION_WRITE: Permission[] = ["organisation:create", "organisation:update", "organisation:move", "organisation:delete"];

const ADMIN_WRITE: Permission[] = [
  "org:read", "org:create", "org:update", "org:delete", "user:read", "user:create", "user:delete",
  "user:role", "user:reset", "user:move", "activity:read", "admin:read", "admin:manage", "api-client:manage",
  "organisation:read", ...ORGANISATION_WRITE,
];
const READ: Permission[] = ["org:read", "user:read", "activity:read", "admin:read", "organisation:read"];

/** `orgId`: the organisation acted on, when there is one. Partner users act only on their own. */
export function can(actor: Actor, permission: Permission, orgId?: string): boolean {
  switch (actor.kind) {
    case "system":
      return true;
    case "anonymous":
      return false;
    case "admin":
      if (actor.role === "viewer") return READ.includes(permission);
      if (permission === "admin:manage") return actor.role === "owner" || actor.role === "admin";
      return ADMIN_WRITE.includes(permission);
    case "api_client":
      return ["org:read", "org:create", "org:update", "org:delete", "user:read", "user:create", "user:delete", "user:move", "organisation:read", ...ORGANISATION_WRITE].includes(permission);
    case "partner_user": {
      // Only their own partner account: never another partner's organisations, nor "No partner" ones.
      if (orgId === undefined || orgId !== actor.partnerOrgId) return false;
      if (permission === "org:read" || permission === "user:read" || permission === "organisation:read") return true;
      if (ORGANISATION_WRITE.includes(permission)) return actor.role === "maintainer" || actor.role === "admin";
      if (actor.role === "admin") {
        return ["user:create", "user:delete", "user:role", "activity:read", "org:complete-form"].includes(permission);
      }
      return false;
    }
  }
}

export function assertCan(actor: Actor, permission: Permission, orgId?: string): void {
  if (!can(actor, permission, orgId)) throw forbidden();
}
