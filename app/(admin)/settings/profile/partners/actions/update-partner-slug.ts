"use server";
import { revalidatePath } from "next/cache";
import { updatePartnerSlug } from "@/lib/partners/slug";
import { adminAction } from "@/lib/safe-action";
import { updatePartnerSlugSchema } from "@/lib/validations/partner-slug";

/** Owners and Admins change the slug: the partner pages move to /partner/<new slug> at once. */
export const updatePartnerSlugAction = adminAction(updatePartnerSlugSchema, async ({ id, slug }, { db, actor }) => {
  const org = await updatePartnerSlug(db, actor, id, slug);
  revalidatePath(`/settings/profile/partners/${id}`);
  revalidatePath("/partner", "layout");
  return { id: org.id, slug: org.slug };
});
