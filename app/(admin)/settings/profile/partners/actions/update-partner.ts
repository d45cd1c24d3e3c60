"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { updatePartnerOrg } from "@/lib/partners/orgs";
import { adminAction } from "@/lib/safe-action";
import { editPartnerOrgSchema } from "@/lib/validations/partner-org";

const schema = editPartnerOrgSchema.extend({ id: z.string().min(1).max(100) });

/** The pencil: only the name and the logo. An empty logo removes it. */
export const updatePartnerAction = adminAction(schema, async ({ id, name, logo }, { db, actor }) => {
  await updatePartnerOrg(db, actor, id, { name, logo: logo ?? null });
  revalidatePath(`/settings/profile/partners/${id}`);
  revalidatePath("/settings/profile/partners");
  return { id };
});
