import { z } from "zod";
import { salesforceAccountIdField, zuoraAccountIdField } from "./fields";
import { organisationNameField } from "./organisation";
import { partnerRoleValues } from "./partner-user";

/**
 * The REST API's extension for customer organisations and moves, beside the seed's seven
 * operations. Same conventions: optional fields left out of responses, `null` removes one in a PUT.
 */
const partnerIdField = z.string({ error: "partnerOrganisationId must be a partner organisation's id." }).trim().min(1).max(100);

export const createOrganisationBodySchema = z.object({
  name: organisationNameField.meta({ description: "Display name of the customer organisation." }),
  zuoraAccountId: zuoraAccountIdField.optional().meta({ description: "The customer's own Zuora account ID." }),
  salesforceAccountId: salesforceAccountIdField.optional().meta({ description: "The customer's Salesforce account ID." }),
});
export type CreateOrganisationBody = z.output<typeof createOrganisationBodySchema>;

export const updateOrganisationBodySchema = z.object({
  name: organisationNameField.optional().meta({ description: "Organisation name." }),
  zuoraAccountId: zuoraAccountIdField.nullable().optional().meta({ description: "The customer's Zuora account ID; null removes it." }),
  salesforceAccountId: salesforceAccountIdField.nullable().optional().meta({ description: "The customer's Salesforce account ID; null removes it." }),
  partnerOrganisationId: partnerIdField
    .nullable()
    .optional()
    .meta({ description: 'Moves the organisation to this partner organisation; null moves it to "No partner".' }),
});
export type UpdateOrganisationBody = z.output<typeof updateOrganisationBodySchema>;

export const movePartnerUserBodySchema = z.object({
  partnerOrganisationId: partnerIdField.meta({ description: "The partner organisation to move the user to." }),
  role: z
    .enum(partnerRoleValues, { error: "role must be viewer, maintainer or admin." })
    .optional()
    .meta({ description: "The user's role in the new partner organisation (default viewer)." }),
});

export const organisationSchema = z.object({
  id: z.string().meta({ description: "Unique identifier for the customer organisation" }),
  name: z.string().meta({ description: "Organisation name" }),
  data: z.object({
    zuoraAccountId: z.string().optional().meta({ description: "The customer's Zuora account ID" }),
    salesforceAccountId: z.string().optional().meta({ description: "The customer's Salesforce account ID" }),
  }),
  partner_org: z.string().nullable().meta({ description: 'The owning partner organisation\'s ID; null for "No partner".' }),
  record_type: z.enum(["organisation"]),
  service: z.string(),
  created: z.iso.datetime(),
  modified: z.iso.datetime(),
});
export type ApiOrganisation = z.output<typeof organisationSchema>;

export const organisationListSchema = z.object({
  items: z.array(organisationSchema).meta({ description: "List of customer organisations." }),
  queryMore: z.string().optional().meta({ description: "Pagination token for the next page of results." }),
});
