import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db, Queryable, Tx } from "@/db";
import { logoImage, partnerOrg, type PartnerOrgRow } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { notFound } from "@/lib/errors";
import { LOGO_SECTION, type LogoVariant } from "@/lib/validations/branding";
import { isSlugShaped } from "@/lib/validations/partner-slug";
import { logoPath, processLogo } from "./logo-image";
import { dropLogoIfUnused } from "./logo-store";

const NOT_FOUND = "Partner organisation not found.";
const COLUMN = { light: "logoLightHash", dark: "logoDarkHash" } as const;
const setLogo = (variant: LogoVariant, hash: string | null) => (variant === "light" ? { logoLightHash: hash } : { logoDarkHash: hash });

/** How a partner shows itself: on its pages, its sign-in and GET /branding/<slug>. */
export interface Brand {
  name: string;
  slug: string;
  /** The logo for light pages: the uploaded one, else the Logo URL a portal admin set, else none. */
  logo: string | null;
  /** The uploaded dark-mode logo, if any (dark pages show `logo` otherwise). */
  darkLogo: string | null;
  /** Which logo shows on light pages: the upload takes precedence over the Logo URL. */
  logoSource: "upload" | "url" | null;
  supportInfo: string | null;
}

export function brandOf(org: Pick<PartnerOrgRow, "name" | "slug" | "logo" | "logoLightHash" | "logoDarkHash" | "supportInfo">): Brand {
  return {
    name: org.name,
    slug: org.slug,
    logo: org.logoLightHash ? logoPath(org.logoLightHash) : org.logo,
    darkLogo: org.logoDarkHash ? logoPath(org.logoDarkHash) : null,
    logoSource: org.logoLightHash ? "upload" : org.logo ? "url" : null,
    supportInfo: org.supportInfo,
  };
}

/**
 * The public brand behind a slug, for the branded sign-in and the branding endpoint: an approved
 * partner's only. Anything else (unknown, malformed, pending) is null, so a slug reveals nothing.
 */
export async function getPublicBrand(db: Queryable, slug: string): Promise<Brand | null> {
  if (!isSlugShaped(slug)) return null;
  const [row] = await db.select().from(partnerOrg).where(eq(partnerOrg.slug, slug));
  return row && row.status === "approved" ? brandOf(row) : null;
}

/** A stored logo's bytes, or null. */
export async function getLogoImage(db: Queryable, hash: string): Promise<{ data: Uint8Array; contentType: string } | null> {
  const [row] = await db.select({ data: logoImage.data, contentType: logoImage.contentType }).from(logoImage).where(eq(logoImage.hash, hash));
  return row ?? null;
}

async function lockOrg(tx: Tx, orgId: string) {
  const [row] = await tx.select().from(partnerOrg).where(eq(partnerOrg.id, orgId)).for("update");
  if (!row) throw notFound(NOT_FOUND);
  return row;
}

/** "Upload Logo" and "Change": checks and re-encodes the image, then stores it with the audit entry. */
export async function setPartnerLogo(db: Db, actor: Actor, orgId: string, variant: LogoVariant, bytes: Buffer): Promise<Brand> {
  assertCan(actor, "branding:manage", orgId);
  const image = await processLogo(bytes);
  return db.transaction(async (tx) => {
    const before = await lockOrg(tx, orgId);
    // The conflict update locks an existing row, so a concurrent dropLogoIfUnused cannot remove it under us.
    await tx
      .insert(logoImage)
      .values(image)
      .onConflictDoUpdate({ target: logoImage.hash, set: { created: sql`${logoImage.created}` } });
    const old = before[COLUMN[variant]];
    const [after] = await tx
      .update(partnerOrg)
      .set({ ...setLogo(variant, image.hash), modified: new Date() })
      .where(eq(partnerOrg.id, orgId))
      .returning();
    if (old && old !== image.hash) await dropLogoIfUnused(tx, old);
    await recordActivity(tx, actor, {
      action: "partner_org.logo_uploaded",
      targetKind: "partner_org",
      targetId: orgId,
      partnerOrgId: orgId,
      change: { before: { [LOGO_SECTION[variant]]: old }, after: { [LOGO_SECTION[variant]]: image.hash } },
    });
    return brandOf(after!);
  });
}

/** "Delete": the partner's pages show the Logo URL (or the initials) again. Deleting nothing changes nothing. */
export async function deletePartnerLogo(db: Db, actor: Actor, orgId: string, variant: LogoVariant): Promise<Brand> {
  assertCan(actor, "branding:manage", orgId);
  return db.transaction(async (tx) => {
    const before = await lockOrg(tx, orgId);
    const old = before[COLUMN[variant]];
    if (!old) return brandOf(before);
    const [after] = await tx
      .update(partnerOrg)
      .set({ ...setLogo(variant, null), modified: new Date() })
      .where(eq(partnerOrg.id, orgId))
      .returning();
    await dropLogoIfUnused(tx, old);
    await recordActivity(tx, actor, {
      action: "partner_org.logo_deleted",
      targetKind: "partner_org",
      targetId: orgId,
      partnerOrgId: orgId,
      change: { before: { [LOGO_SECTION[variant]]: old }, after: { [LOGO_SECTION[variant]]: null } },
    });
    return brandOf(after!);
  });
}

/** "Support Information", already validated by supportInfoField; empty clears it. */
export async function updateSupportInfo(db: Db, actor: Actor, orgId: string, supportInfo: string): Promise<Brand> {
  assertCan(actor, "branding:manage", orgId);
  const value = supportInfo === "" ? null : supportInfo;
  return db.transaction(async (tx) => {
    const before = await lockOrg(tx, orgId);
    if (before.supportInfo === value) return brandOf(before);
    const [after] = await tx.update(partnerOrg).set({ supportInfo: value, modified: new Date() }).where(eq(partnerOrg.id, orgId)).returning();
    await recordActivity(tx, actor, {
      action: "partner_org.support_info_updated",
      targetKind: "partner_org",
      targetId: orgId,
      partnerOrgId: orgId,
      change: { before: { supportInfo: before.supportInfo }, after: { supportInfo: value } },
    });
    return brandOf(after!);
  });
}
