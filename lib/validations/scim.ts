import { z } from "zod";
import { personNameField } from "./fields";

/** Settings > Provisioning (SCIM): create a token (an optional description) and revoke one. */
export const createScimTokenSchema = z.object({
  orgId: z.string().min(1).max(100),
  description: z
    .string({ error: "Description must be text." })
    .trim()
    .max(100, { error: "Description must be at most 100 characters." })
    .optional(),
});
export type CreateScimTokenFormValues = z.input<typeof createScimTokenSchema>;

export const revokeScimTokenSchema = z.object({ orgId: z.string().min(1).max(100), id: z.string().min(1).max(100) });

/** Entra ID sends booleans as "True"/"False" strings; SCIM booleans are booleans. */
const scimBoolean = z.preprocess(
  (v) => (typeof v === "string" && /^(true|false)$/i.test(v.trim()) ? v.trim().toLowerCase() === "true" : v),
  z.boolean({ error: "Must be true or false." }),
);

const text = (max: number) => z.string({ error: "Must be a string." }).trim().max(max, { error: `Must be at most ${max} characters.` });

/** One value of a multi-valued attribute (emails, phoneNumbers, roles). */
const multiValue = z.looseObject({
  value: z.string({ error: "value must be a string." }).max(254, { error: "value must be at most 254 characters." }).optional(),
  type: text(40).optional(),
  primary: scimBoolean.optional(),
  display: text(200).optional(),
});

/**
 * A SCIM User (RFC 7643 §4.1) as a directory sends it, keys already matched case-insensitively.
 * Attributes this app does not keep (title, addresses, extensions...) are accepted and ignored.
 */
export const scimUserSchema = z.looseObject({
  schemas: z.array(z.string()).optional(),
  id: z.unknown().optional(),
  userName: text(254).min(1, { error: "userName is required." }),
  externalId: text(200).nullish(),
  name: z
    .looseObject({
      givenName: personNameField.nullish(),
      familyName: personNameField.nullish(),
      formatted: z.string().nullish(),
    })
    .nullish(),
  displayName: personNameField.nullish(),
  emails: z.array(multiValue).max(20).nullish(),
  phoneNumbers: z.array(multiValue).max(20).nullish(),
  roles: z.array(multiValue).max(20).nullish(),
  active: scimBoolean.optional(),
});
export type ScimUserInput = z.output<typeof scimUserSchema>;

/** A PATCH request (RFC 7644 §3.5.2); op names are matched case-insensitively (Entra sends "Replace"). */
export const scimPatchSchema = z.object({
  schemas: z.array(z.string()).refine((s) => s.includes("urn:ietf:params:scim:api:messages:2.0:PatchOp"), {
    error: 'schemas must contain "urn:ietf:params:scim:api:messages:2.0:PatchOp".',
  }),
  Operations: z
    .array(
      z.looseObject({
        op: z.string().transform((op) => op.toLowerCase()).pipe(z.enum(["add", "remove", "replace"], { error: "op must be add, remove or replace." })),
        path: z.string().max(500).optional(),
        value: z.unknown().optional(),
      }),
    )
    .min(1, { error: "Operations must hold at least one operation." })
    .max(100, { error: "At most 100 operations per request." }),
});
export type ScimPatchInput = z.output<typeof scimPatchSchema>;

/** `filter`, `startIndex` (1-based) and `count` of a list request (RFC 7644 §3.4.2). */
export const scimListQuerySchema = z.object({
  filter: z.string().max(1000, { error: "The filter is too long." }).optional(),
  startIndex: z.coerce.number({ error: "startIndex must be an integer." }).int({ error: "startIndex must be an integer." }).optional(),
  count: z.coerce.number({ error: "count must be an integer." }).int({ error: "count must be an integer." }).optional(),
});
