import { z } from "./zod";
import { adminRole } from "@/db/schema";
import { emailField } from "./fields";

export const adminRoleValues = adminRole.enumValues;
export const adminRoleField = z.enum(adminRoleValues, { error: "Choose a role: Owner, Admin or Viewer." });

/** Settings > Admins: "Invite admin". */
export const inviteAdminSchema = z.object({ email: emailField, role: adminRoleField });
export type InviteAdminInput = z.output<typeof inviteAdminSchema>;
export type InviteAdminFormValues = z.input<typeof inviteAdminSchema>;

export const changeAdminRoleSchema = z.object({ id: z.string().min(1).max(100), role: adminRoleField });
export const removeAdminSchema = z.object({ id: z.string().min(1).max(100) });
export const endAdminSessionsSchema = z.object({ id: z.string().min(1).max(100) });
/** "Sign out everywhere": no input. */
export const signOutEverywhereSchema = z.object({}).strict();
