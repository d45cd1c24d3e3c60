"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { deletePartnerUser } from "@/lib/partners/users";
import { adminAction } from "@/lib/safe-action";

const schema = z.object({ orgId: z.string().min(1).max(100), userId: z.string().min(1).max(100) });

export const deleteUserAction = adminAction(schema, async ({ orgId, userId }, { db, actor }) => {
  await deletePartnerUser(db, actor, orgId, userId);
  revalidatePath(`/settings/profile/partners/${orgId}`);
  return { userId };
});
