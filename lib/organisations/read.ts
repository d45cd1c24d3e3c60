import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { customerOrg, partnerOrg, type CustomerOrgRow } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { assertOrganisation, ORGANISATION_NOT_FOUND } from "./access";

export type OrganisationWithPartner = CustomerOrgRow & { partnerName: string | null };

/** One organisation with its partner's name; another partner's organisation is "not found". */
export async function getOrganisation(db: Queryable, actor: Actor, id: string): Promise<OrganisationWithPartner> {
  const [row] = await db
    .select({ org: customerOrg, partnerName: partnerOrg.name })
    .from(customerOrg)
    .leftJoin(partnerOrg, eq(partnerOrg.id, customerOrg.partnerOrgId))
    .where(eq(customerOrg.id, id));
  if (!row) throw notFound(ORGANISATION_NOT_FOUND);
  assertOrganisation(actor, "organisation:read", row.org);
  return { ...row.org, partnerName: row.partnerName };
}
