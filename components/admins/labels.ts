import type { AdminRole } from "@/db/schema";
import type { AdminStatus } from "@/lib/admins/admins";

export const ADMIN_ROLE_LABEL: Record<AdminRole, string> = { owner: "Owner", admin: "Admin", viewer: "Viewer" };
export const ADMIN_ROLE_HELP: Record<AdminRole, string> = {
  owner: "Everything an Admin can do, and grants or removes the Owner role.",
  admin: "Manages partners, users, API clients and admins.",
  viewer: "Sees everything and changes nothing.",
};

export const ADMIN_STATUS_LABEL: Record<AdminStatus, string> = { active: "Active", invited: "Invited" };
