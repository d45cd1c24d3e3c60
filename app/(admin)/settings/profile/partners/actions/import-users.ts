"use server";
import { revalidatePath } from "next/cache";
import { importPartnerUsers } from "@/lib/partners/csv-import";
import { adminAction } from "@/lib/safe-action";
import { importUsersSchema } from "@/lib/validations/partner-user-import";

/** Imports the file's valid rows in one transaction (checked again on the server). */
export const importUsersAction = adminAction(importUsersSchema, async ({ orgId, csv }, { db, actor }) => {
  const result = await importPartnerUsers(db, actor, orgId, csv);
  revalidatePath(`/settings/profile/partners/${orgId}`);
  return { created: result.created, skipped: result.skipped.length };
});
