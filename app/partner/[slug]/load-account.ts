import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { getPartner } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { getPartnerOrgBySlug } from "@/lib/partners/slug";

/**
 * The signed-in partner user and the partner account at /partner/<slug>, loaded once per request
 * (the layout and the page both ask). Signed out: the sign-in. Another partner's slug, or one
 * nobody has: "not found", the same answer, so a slug reveals nothing.
 */
export const loadPartnerAccount = cache(async (slug: string) => {
  const actor = await getPartner();
  if (!actor) redirect("/partner");
  const org = await getPartnerOrgBySlug(await getDb(), actor, slug).catch((err) => {
    if (err instanceof DomainError && err.code === "not_found") notFound();
    throw err;
  });
  return { actor, org, base: `/partner/${org.slug}` };
});
