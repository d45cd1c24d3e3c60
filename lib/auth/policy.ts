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
  | "user:update"
  | "user:suspend"
  | "user:role"
  | "user:reset"
  | "activity:read"
  | "admin:read"
  | "admin:manage"
  | "api-client:manage"
  | "scim:read"
  | "scim:manage";

const ADMIN_WRITE: Permission[] = [
  "org:read", "org:create", "org:update", "org:delete", "user:read", "user:create", "user:delete", "user:update",
  "user:suspend", "user:role", "user:reset", "activity:read", "admin:read", "admin:manage", "api-client:manage",
  "scim:read", "scim:manage",
];
const READ: Permission[] = ["org:read", "user:read", "activity:read", "admin:read", "scim:read"];
/** A partner's member management: its Admins', and its SCIM tokens' (the directory acts for its Admins). */
const PARTNER_MEMBERS: Permission[] = ["user:create", "user:delete", "user:update", "user:suspend", "user:role"];

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
      return ["org:read", "org:create", "org:update", "org:delete", "user:read", "user:create", "user:delete"].includes(permission);
    case "partner_user": {
      if (orgId === undefined || orgId !== actor.partnerOrgId) return false;
      if (permission === "org:read" || permission === "user:read") return true;
      if (actor.role === "admin") {
        return [...PARTNER_MEMBERS, "activity:read", "org:complete-form", "scim:read", "scim:manage"].includes(permission);
      }
      return false;
    }
    case "scim_token":
      if (orgId === undefined || orgId !== actor.partnerOrgId) return false;
      return permission === "user:read" || PARTNER_MEMBERS.includes(permission);
  }
}

export function assertCan(actor: Actor, permission: Permission, orgId?: string): void {
  if (!can(actor, permission, orgId)) throw forbidden();
}
