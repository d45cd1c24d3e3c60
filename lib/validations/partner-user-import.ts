import { z } from "./zod";
import { emailField, emptyToUndefined, personNameField } from "./fields";
import { partnerRoleValues, phoneField } from "./partner-user";

/** One row of a partner-user CSV import; a spreadsheet's leading apostrophe on a phone is dropped. */
export const importRowSchema = z.object({
  email: emailField,
  name: z.preprocess(emptyToUndefined, personNameField.optional()),
  firstName: z.preprocess(emptyToUndefined, personNameField.optional()),
  lastName: z.preprocess(emptyToUndefined, personNameField.optional()),
  phone: z.preprocess((v) => emptyToUndefined(typeof v === "string" ? v.replace(/^'/, "") : v), phoneField.optional()),
  role: z.preprocess(
    (v) => (typeof v === "string" ? emptyToUndefined(v.trim().toLowerCase()) : v),
    z.enum(partnerRoleValues, { error: "Role must be Viewer, Maintainer or Admin." }).optional(),
  ),
});

/** The upload: the file's text, at most 512 KB (server actions accept 1 MB). */
export const importUsersSchema = z.object({
  orgId: z.string().min(1).max(100),
  csv: z.string().min(1, { error: "Choose a CSV file." }).max(512 * 1024, { error: "The file is larger than 512 KB; split it." }),
});
