/**
 * The event types an integration can receive (webhooks) or read (GET /events). A type names the
 * resource (before the dot) and what happened to it; the payload's `data` is the resource as the
 * REST API shows it. Shared by the server and the Webhooks page's type picker.
 */
export const EVENT_TYPES = [
  "partner_organisation.created",
  "partner_organisation.updated",
  "partner_organisation.deleted",
  "partner_organisation.suspended",
  "partner_organisation.reactivated",
  "partner_user.created",
  "partner_user.updated",
  "partner_user.deleted",
  "partner_user.invited",
  "partner_user.activated",
  "organisation.created",
  "organisation.updated",
  "organisation.moved",
  "organisation.deleted",
  "api_client.created",
  "api_client.revoked",
  "admin.created",
  "admin.role_changed",
  "admin.removed",
] as const;

export type EventType = (typeof EVENT_TYPES)[number];
export type EventResource = EventType extends `${infer R}.${string}` ? R : never;

export const isEventType = (value: string): value is EventType => (EVENT_TYPES as readonly string[]).includes(value);
export const resourceOf = (type: EventType) => type.slice(0, type.indexOf(".")) as EventResource;

/** What a webhook body and an item of GET /events look like. */
export interface EventPayload {
  type: EventType;
  id: string;
  timestamp: string;
  data: Record<string, unknown>;
}
