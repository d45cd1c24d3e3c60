"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/safe-action";
import { removeSsoConnection } from "@/lib/sso/connections";
import { removeSsoConnectionSchema } from "@/lib/validations/sso";

/** A portal admin removes a partner's single sign-on: its users sign in with passwords again. */
export const removeSsoConnectionAction = adminAction(removeSsoConnectionSchema, async ({ orgId }, { db, actor }) => {
  await removeSsoConnection(db, actor, orgId);
  revalidatePath(`/settings/profile/partners/${orgId}`);
  return { orgId };
});
