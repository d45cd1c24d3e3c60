import type { ActivityRow } from "@/lib/activity/query";

export const ACTION_LABEL: Record<string, string> = {
  "partner_org.created": "Organisation created",
  "partner_org.updated": "Organisation updated",
  "partner_org.deleted": "Organisation deleted",
  "partner_org.form_submitted": "Partner form submitted",
  "partner_user.created": "User created",
  "partner_user.deleted": "User deleted",
  "partner_user.role_changed": "User role changed",
  "partner_user.updated": "User updated",
  "partner_user.suspended": "User suspended",
  "partner_user.restored": "User restored",
  "partner_user.imported": "Users imported from CSV",
  "partner_user.moved": "User moved to another partner",
  "organisation.created": "Customer organisation created",
  "organisation.updated": "Customer organisation updated",
  "organisation.moved": "Customer organisation moved",
  "organisation.deleted": "Customer organisation deleted",
  "partner_user.signed_in": "Partner user signed in",
  "partner_user.sign_in_failed": "Partner user sign-in failed",
  "invitation.sent": "Invitation sent",
  "invitation.resent": "Invitation resent",
  "invitation.accepted": "Invitation accepted",
  "invitation.revoked": "Invitation revoked",
  "password_reset.sent": "Password reset sent",
  "password_reset.completed": "Password reset completed",
  "password_reset.resent": "Password reset link sent again",
  "admin.invited": "Admin invited",
  "admin.role_changed": "Admin role changed",
  "admin.removed": "Admin removed",
  "admin.signed_in": "Admin signed in",
  "admin.sign_in_failed": "Admin sign-in failed",
  "admin.signed_out_everywhere": "Admin signed out everywhere",
  "admin.sessions_ended": "Admin's sessions ended",
  "partner_user.signed_out_everywhere": "User signed out everywhere",
  "api_client.created": "API client created",
  "api_client.revoked": "API client revoked",
  "partner_org.suspended": "Partner suspended",
  "partner_org.reactivated": "Partner reactivated",
  "partner_org.logo_uploaded": "Partner logo uploaded",
  "partner_org.logo_deleted": "Partner logo deleted",
  "partner_org.support_info_updated": "Support information updated",
  "webhook_endpoint.created": "Webhook endpoint added",
  "webhook_endpoint.secret_rotated": "Webhook signing secret rotated",
  "webhook_endpoint.disabled": "Webhook endpoint disabled",
  "webhook_endpoint.enabled": "Webhook endpoint enabled",
  "webhook_endpoint.deleted": "Webhook endpoint deleted",
  "webhook_endpoint.delivery_resent": "Webhook delivery resent",
  "scim_token.created": "SCIM token created",
  "scim_token.revoked": "SCIM token revoked",
  "partner_sso_connection.saved": "Single sign-on connection saved",
  "partner_sso_connection.settings_changed": "Single sign-on settings changed",
  "partner_sso_connection.removed": "Single sign-on removed",
  "usage_metric.created": "Usage metric added",
  "usage_metric.updated": "Usage metric updated",
  "usage_metric.deleted": "Usage metric deleted",
  "usage.ingested": "Usage records received",
  "partner_domain.added": "Domain added",
  "partner_domain.verified": "Domain verified",
  "partner_domain.marked_verified": "Domain marked as verified",
  "partner_domain.removed": "Domain removed",
  "partner_user.break_glass_sign_in": "Break-glass Admin signed in with a password",
};

export const actionLabel = (action: string) => ACTION_LABEL[action] ?? action;

const ACTOR_KIND: Record<ActivityRow["actorKind"], string> = {
  admin: "Admin",
  partner_user: "Partner user",
  api_client: "API client",
  system: "System",
  anonymous: "Not signed in",
  scim_token: "SCIM token",
};
export const actorKindLabel = (kind: ActivityRow["actorKind"]) => ACTOR_KIND[kind];

const TARGET_KIND: Record<string, string> = {
  partner_org: "Organisation",
  partner_user: "Partner user",
  admin_user: "Admin",
  api_client: "API client",
  invitation: "Invitation",
  webhook_endpoint: "Webhook endpoint",
  organisation: "Customer organisation",
  scim_token: "SCIM token",
  partner_sso_connection: "Single sign-on",
  usage_metric: "Usage metric",
  usage: "Usage",
  partner_domain: "Domain",
};

/** Where an entry's target lives in the admin app, when it still exists. */
export function targetOf(row: ActivityRow & { orgExists: boolean }): { label: string; href?: string } {
  const kind = row.targetKind ? (TARGET_KIND[row.targetKind] ?? row.targetKind) : "—";
  const name = emailIn(row.change) ?? (row.targetKind === "partner_domain" ? fieldIn(row.change, "domain") : undefined);
  const label = name ? `${kind} ${name}` : row.targetId ? `${kind} ${row.targetId}` : kind;
  if (row.targetKind === "organisation" && row.targetId && row.action !== "organisation.deleted") return { label, href: `/organisations/${row.targetId}` };
  if (row.partnerOrgId && row.orgExists) return { label, href: `/settings/profile/partners/${row.partnerOrgId}` };
  if (row.targetKind === "admin_user") return { label, href: "/settings/admins" };
  if (row.targetKind === "api_client") return { label, href: "/settings/api-clients" };
  if (row.targetKind === "webhook_endpoint") return { label, href: "/settings/webhooks" };
  return { label };
}

const emailIn = (change: unknown) => fieldIn(change, "email");

/** A text field of the change, or of its after or before (an email, a domain), naming the target. */
function fieldIn(change: unknown, field: string): string | undefined {
  if (!change || typeof change !== "object") return undefined;
  const c = change as Record<string, unknown>;
  for (const v of [c, c.after, c.before]) {
    if (v && typeof v === "object" && typeof (v as Record<string, unknown>)[field] === "string") return (v as Record<string, string>)[field];
  }
  return undefined;
}

const show = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : typeof v === "object" ? JSON.stringify(v) : String(v));

/** The change as short lines: "name: Old → New" for updates, "field: value" otherwise. */
export function changeLines(change: unknown): string[] {
  if (!change || typeof change !== "object") return [];
  const c = change as Record<string, unknown>;
  const before = (c.before ?? {}) as Record<string, unknown>;
  const after = (c.after ?? {}) as Record<string, unknown>;
  const lines: string[] = [];
  if (c.before && c.after) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) lines.push(`${key}: ${show(before[key])} → ${show(after[key])}`);
  } else {
    for (const [key, value] of Object.entries(c.after ? after : c.before ? before : {})) lines.push(`${key}: ${show(value)}`);
  }
  for (const [key, value] of Object.entries(c)) if (key !== "before" && key !== "after") lines.push(`${key}: ${show(value)}`);
  return lines;
}
