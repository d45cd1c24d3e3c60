import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Queryable } from "@/db";
import { partnerDomain } from "@/db/schema";

/** The domain part of an email address, lower case; "" when there is none. */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 0 ? "" : email.slice(at + 1).trim().toLowerCase().replace(/\.$/, "");
}

/** The partner that has verified the domain of `email`, if one has. */
export async function verifiedDomainOwner(db: Queryable, email: string): Promise<string | null> {
  const domain = emailDomain(email);
  if (!domain) return null;
  const [row] = await db
    .select({ partnerOrgId: partnerDomain.partnerOrgId })
    .from(partnerDomain)
    .where(and(eq(partnerDomain.domain, domain), isNotNull(partnerDomain.verifiedAt)));
  return row?.partnerOrgId ?? null;
}
