"use server";
import { revalidatePath } from "next/cache";
import { partnerAction } from "@/lib/safe-action";
import { removeSsoConnection } from "@/lib/sso/connections";
import { removeSsoConnectionSchema } from "@/lib/validations/sso";

/** A partner Admin removes their single sign-on: passwords again. */
export const removePartnerSsoConnectionAction = partnerAction(removeSsoConnectionSchema, async ({ orgId }, { db, actor }) => {
  await removeSsoConnection(db, actor, orgId);
  revalidatePath("/partner", "layout");
  return { orgId };
});
