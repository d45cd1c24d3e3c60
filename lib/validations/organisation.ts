import { z } from "zod";
import { emptyToUndefined, nameText, salesforceAccountIdField, searchQueryField, zuoraAccountIdField } from "./fields";
import { partnerRoleField } from "./partner-user";

/**
 * Customer organisations (seed 002's "organisations"): one schema per input, shared by the admin
 * forms, the partner pages, the server actions and the REST API.
 */
export const organisationNameField = nameText(
  z
    .string({ error: "Organisation name is required." })
    .trim()
    .min(1, { error: "Organisation name is required." })
    .max(200, { error: "Organisation name must be at most 200 characters." }),
  "Organisation name",
);

const id = z.string().trim().min(1).max(100);
/** From a form, "" clears an optional ID; the domain stores null. */
const optionalZuora = z.preprocess(emptyToUndefined, zuoraAccountIdField.optional());
const optionalSalesforce = z.preprocess(emptyToUndefined, salesforceAccountIdField.optional());
/** A partner's id, or "" for "No partner". */
const partnerChoice = z
  .string()
  .trim()
  .max(100)
  .transform((v) => (v === "" ? null : v));

/** "Create an Organisation": the name, the optional IDs and, for portal admins, an optional partner. */
export const createOrganisationSchema = z.object({
  name: organisationNameField,
  zuoraAccountId: optionalZuora,
  salesforceAccountId: optionalSalesforce,
  // null: the form's own parsed value for "No partner", sent on as it is.
  partnerOrgId: partnerChoice.nullable().optional().transform((v) => v ?? null),
});
export type CreateOrganisationInput = z.output<typeof createOrganisationSchema>;
export type CreateOrganisationFormValues = z.input<typeof createOrganisationSchema>;

/** "Create an Organisation" on the partner pages: always under a partner account (the caller's own). */
export const createPartnerOrganisationSchema = z.object({
  name: organisationNameField,
  zuoraAccountId: optionalZuora,
  salesforceAccountId: optionalSalesforce,
  partnerOrgId: id,
});
export type CreatePartnerOrganisationFormValues = z.input<typeof createPartnerOrganisationSchema>;

/** The settings form: every field is sent; an empty ID removes it. */
export const updateOrganisationSchema = z.object({
  id,
  name: organisationNameField,
  zuoraAccountId: optionalZuora,
  salesforceAccountId: optionalSalesforce,
});
export type UpdateOrganisationFormValues = z.input<typeof updateOrganisationSchema>;

/** "Move Organisation to another Partner": a partner's id, or "" for "No partner". */
export const moveOrganisationSchema = z.object({ id, partnerOrgId: partnerChoice });

export const deleteOrganisationSchema = z.object({
  id,
  confirm: z.literal(true, { error: "Confirm that you want to delete this organisation." }),
});

/** The partner finder of the move controls: a fragment of a partner's name, or its ID. */
export const findPartnersSchema = z.object({ q: searchQueryField });

/** A portal admin moves a partner user to another partner; Viewer unless another role is chosen. */
export const movePartnerUserSchema = z.object({
  orgId: id,
  userId: id,
  toOrgId: id,
  role: partnerRoleField.default("viewer"),
});
export type MovePartnerUserFormValues = z.input<typeof movePartnerUserSchema>;

/** `partner` in the URL: a partner's id, or "none" for organisations with no partner. */
export const NO_PARTNER = "none";
export const organisationSortValues = ["name", "created"] as const;
export type OrganisationSort = (typeof organisationSortValues)[number];

/** The organisations table's state, read from the URL. Anything unknown falls back to the default. */
export const organisationsTableSearchSchema = z.object({
  q: searchQueryField.catch(""),
  sort: z.enum(organisationSortValues).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  after: z.string().max(1000).optional().catch(undefined),
  before: z.string().max(1000).optional().catch(undefined),
  size: z.coerce.number().int().pipe(z.union([z.literal(10), z.literal(25), z.literal(50), z.literal(100)])).catch(25),
  partner: z.string().trim().regex(/^[A-Za-z0-9_-]{1,100}$/).optional().catch(undefined),
});
export type OrganisationsTableSearch = z.output<typeof organisationsTableSearchSchema>;
