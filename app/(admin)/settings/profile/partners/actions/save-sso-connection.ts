"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/safe-action";
import { saveSsoConnection } from "@/lib/sso/connections";
import { ssoConnectionSchema } from "@/lib/validations/sso";

/** A portal admin sets up a partner's identity provider (checked before anything is stored). */
export const saveSsoConnectionAction = adminAction(ssoConnectionSchema, async (input, { db, actor }) => {
  const saved = await saveSsoConnection(db, actor, input);
  revalidatePath(`/settings/profile/partners/${input.orgId}`);
  return { protocol: saved.protocol };
});
