import { z } from "./zod";
import {
  emailField,
  personNameField,
  emptyToUndefined,
  invoiceOwnerField,
  logoField,
  orgNameField,
  salesforceAccountIdField,
  searchQueryField,
  zuoraAccountIdField,
} from "./fields";

export const SALESFORCE_REQUIRED_MESSAGE = "Salesforce account ID is required while the Salesforce integration is on.";

/** The "Create Partner" form. With the Salesforce integration on, the Salesforce account ID is required. */
export function createPartnerOrgSchema(opts: { salesforceRequired: boolean }) {
  return z.object({
    name: orgNameField,
    logo: z.preprocess(emptyToUndefined, logoField.optional()),
    zuoraAccountId: zuoraAccountIdField,
    salesforceAccountId: opts.salesforceRequired
      ? z.preprocess(emptyToUndefined, salesforceAccountIdField.optional()).refine((v) => v !== undefined, {
          error: SALESFORCE_REQUIRED_MESSAGE,
        })
      : z.preprocess(emptyToUndefined, salesforceAccountIdField.optional()),
    invoiceOwner: invoiceOwnerField,
  });
}
export type CreatePartnerOrgInput = z.output<ReturnType<typeof createPartnerOrgSchema>>;
export type CreatePartnerOrgFormValues = z.input<ReturnType<typeof createPartnerOrgSchema>>;

/** The pencil: only the name and the logo can be edited in the admin app. An empty logo removes it. */
export const editPartnerOrgSchema = z.object({
  name: orgNameField,
  logo: z.preprocess(emptyToUndefined, logoField.optional()),
});
export type EditPartnerOrgInput = z.output<typeof editPartnerOrgSchema>;

export const deletePartnerOrgSchema = z.object({
  id: z.string().min(1).max(100),
  confirm: z.literal(true, { error: "Confirm that you want to delete this organisation." }),
});

/** Partners table state, read from the URL. Anything unknown falls back to the default. */
export const partnerSortValues = ["created", "name", "zuoraAccountId", "status"] as const;
export type PartnerSort = (typeof partnerSortValues)[number];
export const partnersTableSearchSchema = z.object({
  q: searchQueryField.catch(""),
  sort: z.enum(partnerSortValues).catch("created"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  after: z.string().max(1000).optional().catch(undefined),
  before: z.string().max(1000).optional().catch(undefined),
  size: z.coerce.number().int().pipe(z.union([z.literal(10), z.literal(25), z.literal(50), z.literal(100)])).catch(25),
  status: z.enum(["pending", "approved"]).optional().catch(undefined),
});
export type PartnersTableSearch = z.output<typeof partnersTableSearchSchema>;
/** The partners CSV export: the table's state, but a search with control characters is refused (400) before streaming. */
export const partnersExportSearchSchema = partnersTableSearchSchema.extend({ q: searchQueryField.default("") });

/** "Invite Partner": the organisation's name and its primary contact. */
export const invitePartnerOrgSchema = z.object({
  name: orgNameField,
  primaryContactName: personNameField.min(1, { error: "Primary contact name is required." }),
  primaryContactEmail: emailField,
});
export type InvitePartnerOrgFormValues = z.input<typeof invitePartnerOrgSchema>;

/** "Suspend partner": the reason is kept with the organisation and in the activity trail. */
export const suspendPartnerOrgSchema = z.object({
  id: z.string().min(1).max(100),
  reason: z
    .string({ error: "Reason is required." })
    .trim()
    .min(1, { error: "Reason is required." })
    .max(500, { error: "Reason must be at most 500 characters." }),
});
export type SuspendPartnerFormValues = z.input<typeof suspendPartnerOrgSchema>;
export const reactivatePartnerOrgSchema = z.object({ id: z.string().min(1).max(100) });
