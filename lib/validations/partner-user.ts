import { parsePhoneNumberFromString } from "libphonenumber-js";
import { z } from "./zod";
import { emailField, emptyToUndefined, personNameField } from "./fields";

/** A phone number with its country code, as partner portals ask for it; stored in E.164. */
export const phoneField = z
  .string()
  .trim()
  .max(40)
  .regex(/^\+/, { error: "Include the country code, starting with +." })
  .transform((value, ctx) => {
    const phone = parsePhoneNumberFromString(value);
    if (!phone?.isValid()) {
      ctx.addIssue({ code: "custom", message: "Enter a valid phone number with its country code, e.g. +44 7911 123456." });
      return z.NEVER;
    }
    return phone.number as string;
  });

/** "Create user" in the admin app (Limio's Name + Email address), with the optional first name, last name and phone. */
export const createPartnerUserSchema = z.object({
  name: z.preprocess(emptyToUndefined, personNameField.optional()),
  firstName: z.preprocess(emptyToUndefined, personNameField.optional()),
  lastName: z.preprocess(emptyToUndefined, personNameField.optional()),
  email: emailField,
  phone: z.preprocess(emptyToUndefined, phoneField.optional()),
});
export type CreatePartnerUserInput = z.output<typeof createPartnerUserSchema>;
export type CreatePartnerUserFormValues = z.input<typeof createPartnerUserSchema>;

export const partnerRoleValues = ["viewer", "maintainer", "admin"] as const;
export const partnerRoleField = z.enum(partnerRoleValues, { error: "Choose a role: Viewer, Maintainer or Admin." });
