import { z } from "./zod";
import { emailField, emptyToUndefined, personNameField } from "./fields";
import { partnerRoleField } from "./partner-user";

/** A partner Admin invites a member from the partner pages: their email and role. */
export const inviteMemberSchema = z.object({
  name: z.preprocess(emptyToUndefined, personNameField.optional()),
  email: emailField,
  role: partnerRoleField,
});
export type InviteMemberInput = z.output<typeof inviteMemberSchema>;
export type InviteMemberFormValues = z.input<typeof inviteMemberSchema>;

export const changeMemberRoleSchema = z.object({
  orgId: z.string().min(1).max(100),
  userId: z.string().min(1).max(100),
  role: partnerRoleField,
});

export const memberRefSchema = z.object({ orgId: z.string().min(1).max(100), userId: z.string().min(1).max(100) });
