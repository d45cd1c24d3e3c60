"use server";
import { revalidatePath } from "next/cache";
import { partnerAction } from "@/lib/safe-action";
import { saveSsoConnection } from "@/lib/sso/connections";
import { ssoConnectionSchema } from "@/lib/validations/sso";

/** A partner Admin connects their own identity provider (checked before anything is stored). */
export const savePartnerSsoConnectionAction = partnerAction(ssoConnectionSchema, async (input, { db, actor }) => {
  const saved = await saveSsoConnection(db, actor, input);
  revalidatePath("/partner", "layout");
  return { protocol: saved.protocol };
});
