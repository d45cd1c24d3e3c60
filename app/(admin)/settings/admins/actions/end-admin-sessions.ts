"use server";
import { revalidatePath } from "next/cache";
import { endAdminSessions } from "@/lib/admins/admins";
import { adminAction } from "@/lib/safe-action";
import { endAdminSessionsSchema } from "@/lib/validations/admin";

export const endAdminSessionsAction = adminAction(endAdminSessionsSchema, async ({ id }, { db, actor }) => {
  await endAdminSessions(db, actor, id);
  revalidatePath("/settings/admins");
  return { id };
});
