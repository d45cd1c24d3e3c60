import type { EventType } from "@/lib/events/types";

/** The event types grouped by resource, as the "Add endpoint" form lists them. */
export const EVENT_GROUPS: { label: string; types: EventType[] }[] = [
  { label: "Partner organisations", types: ["partner_organisation.created", "partner_organisation.updated", "partner_organisation.deleted", "partner_organisation.suspended", "partner_organisation.reactivated"] },
  { label: "Partner users", types: ["partner_user.created", "partner_user.updated", "partner_user.deleted", "partner_user.invited", "partner_user.activated"] },
  { label: "Organisations", types: ["organisation.created", "organisation.updated", "organisation.moved", "organisation.deleted"] },
  { label: "API clients", types: ["api_client.created", "api_client.revoked"] },
  { label: "Admins", types: ["admin.created", "admin.role_changed", "admin.removed"] },
];

export const eventTypesLabel = (types: string[] | null) =>
  types === null ? "All event types" : types.length === 1 ? types[0]! : `${types.length} event types`;
