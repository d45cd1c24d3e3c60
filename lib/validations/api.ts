import { z } from "zod";
import { EVENT_TYPES } from "@/lib/events/types";
import { emailField, logoField, orgNameField, salesforceAccountIdField, zuoraAccountIdField } from "./fields";

/**
 * The REST API's inputs and outputs (../shared/spec/openapi.json). The handlers validate with
 * these, and /api/openapi.json is generated from them, so the document cannot drift from the code.
 * The field rules themselves are the shared ones of the admin forms.
 */

const logoUriField = logoField.meta({ format: "uri" });
const isZuoraInvoiceOwnerField = z.boolean({ error: "isZuoraInvoiceOwner must be true or false." });

export const createOrgBodySchema = z.object({
  name: orgNameField.meta({ description: "Display name of the partner organisation." }),
  zuoraAccountId: zuoraAccountIdField.meta({ description: "Zuora account ID to link to this partner." }),
  isZuoraInvoiceOwner: isZuoraInvoiceOwnerField.meta({ description: "Whether this partner owns invoices in Zuora." }),
  salesforceAccountId: salesforceAccountIdField.optional().meta({ description: "Optional Salesforce account ID for CRM integration." }),
  logo: logoUriField.optional().meta({ description: "URL to the partner organisation's logo." }),
});
export type CreateOrgBody = z.output<typeof createOrgBodySchema>;

/** Partial: a field left out is unchanged; `null` removes an optional field. */
export const updateOrgBodySchema = z.object({
  name: orgNameField.optional().meta({ description: "Organisation name." }),
  zuoraAccountId: zuoraAccountIdField.optional().meta({ description: "Associated Zuora account ID" }),
  isZuoraInvoiceOwner: isZuoraInvoiceOwnerField.optional().meta({ description: "Whether this organisation owns Zuora invoices" }),
  salesforceAccountId: salesforceAccountIdField.nullable().optional().meta({ description: "Associated Salesforce account ID; null removes it." }),
  logo: logoUriField.nullable().optional().meta({ description: "Organisation logo URL; null removes it." }),
});
export type UpdateOrgBody = z.output<typeof updateOrgBodySchema>;

export const createUserBodySchema = z.object({
  email: emailField.meta({ description: "User email address", format: "email" }),
});

export const MAX_LIMIT = 500;
export const DEFAULT_LIMIT = 50;

/** `limit` and `queryMore` as they arrive in the query string. */
export const pageQuerySchema = z.object({
  limit: z
    .string()
    .regex(/^\d{1,6}$/, { error: `limit must be a whole number from 1 to ${MAX_LIMIT}.` })
    .transform(Number)
    .pipe(z.number().int().min(1, { error: `limit must be a whole number from 1 to ${MAX_LIMIT}.` }).max(MAX_LIMIT, { error: `limit must be at most ${MAX_LIMIT}.` }))
    .optional()
    .transform((v) => v ?? DEFAULT_LIMIT),
  queryMore: z.string().min(1, { error: "queryMore must not be empty." }).max(1000, { error: "queryMore is not a valid cursor." }).optional(),
});

/* Responses. Optional fields are left out rather than sent as null. */

const isoDate = z.iso.datetime();

export const partnerOrganisationSchema = z.object({
  id: z.string().meta({ description: "Unique identifier for the partner organisation" }),
  name: z.string().meta({ description: "Organisation name" }),
  data: z.object({
    zuoraAccountId: z.string().meta({ description: "Associated Zuora account ID" }),
    isZuoraInvoiceOwner: z.boolean().meta({ description: "Whether this organisation owns Zuora invoices" }),
    salesforceAccountId: z.string().optional().meta({ description: "Associated Salesforce account ID" }),
    logo: z.string().optional().meta({ description: "Organisation logo URL", format: "uri" }),
  }),
  record_type: z.enum(["partner_org"]),
  service: z.string(),
  created: isoDate,
  modified: isoDate,
  status: z.enum(["suspended"]).optional().meta({ description: "Extension: present while the partner is suspended (its users cannot sign in).", "x-extension": true }),
});
export type ApiPartnerOrganisation = z.output<typeof partnerOrganisationSchema>;

export const partnerUserSchema = z.object({
  id: z.string().meta({ description: "Unique identifier for the partner user" }),
  name: z.string().meta({ description: "User identifier (typically email)" }),
  data: z.object({ email: z.string().meta({ description: "User email address", format: "email" }) }),
  partner_org: z.string().meta({ description: "Associated partner organisation ID" }),
  record_type: z.enum(["partner_user"]),
  service: z.string(),
  created: isoDate,
  modified: isoDate,
});
export type ApiPartnerUser = z.output<typeof partnerUserSchema>;

export const orgListSchema = z.object({
  items: z.array(partnerOrganisationSchema).meta({ description: "List of partner organisations." }),
  queryMore: z.string().optional().meta({ description: "Pagination token for the next page of results." }),
});

export const userListSchema = z.object({
  items: z.array(partnerUserSchema),
  queryMore: z.string().optional().meta({ description: "Token for next page of results" }),
});

export const successSchema = z.object({ success: z.boolean() });
export const errorSchema = z.object({
  message: z.string(),
  errors: z.record(z.string(), z.array(z.string())).optional().meta({ description: "Messages per field of the body." }),
});

/* OAuth 2.0 client credentials (RFC 6749 §4.4). */

export const tokenRequestSchema = z.object({
  grant_type: z.string().meta({ description: 'Must be "client_credentials".' }),
  client_id: z.string().optional().meta({ description: "The client ID, unless sent with HTTP Basic authentication." }),
  client_secret: z.string().optional().meta({ description: "The client secret, unless sent with HTTP Basic authentication." }),
  scope: z.string().optional().meta({ description: "Ignored: a client may use every operation." }),
});

export const tokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.enum(["Bearer"]),
  expires_in: z.number().int().meta({ description: "Seconds until the token expires." }),
});

export const oauthErrorSchema = z.object({
  error: z.enum(["invalid_request", "invalid_client", "unsupported_grant_type", "server_error", "temporarily_unavailable"]),
  error_description: z.string().optional(),
});

/* Events and the audit trail (extensions beyond the seven operations of the Limio spec). */

export const eventSchema = z.object({
  type: z.enum(EVENT_TYPES),
  id: z.string().meta({ description: "Unique id of the event; the `webhook-id` of its deliveries." }),
  timestamp: isoDate.meta({ description: "When the change happened." }),
  data: z.record(z.string(), z.unknown()).meta({ description: "The resource as this API shows it (a deleted one as it was), with the partner's id on everything that belongs to a partner." }),
});

export const eventListSchema = z.object({
  items: z.array(eventSchema).meta({ description: "Events in the order they happened." }),
  queryMore: z.string().optional().meta({ description: "Token for the next page; absent on the last page." }),
});

export const activityEntrySchema = z.object({
  id: z.string(),
  timestamp: isoDate,
  actor: z.object({
    kind: z.enum(["admin", "partner_user", "api_client", "system", "anonymous"]),
    id: z.string().nullable(),
    label: z.string().nullable(),
  }),
  action: z.string().meta({ description: "What was done, e.g. partner_org.created." }),
  target: z.object({ kind: z.string().nullable(), id: z.string().nullable() }),
  partner_org: z.string().nullable().meta({ description: "The partner organisation the entry belongs to, if any." }),
  change: z.unknown().meta({ description: "What changed (before and after), when the entry records a change." }),
  success: z.boolean(),
});

export const activityListSchema = z.object({
  items: z.array(activityEntrySchema).meta({ description: "Entries of the audit trail, oldest first." }),
  queryMore: z.string().optional().meta({ description: "Token for the next page; absent on the last page." }),
});
