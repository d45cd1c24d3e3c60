import { z } from "zod";

/**
 * A partner organisation's slug: the address of its partner pages, /partner/<slug>. The database
 * holds the same rules (partner_slug_allowed() in migration 0004, a CHECK constraint); these give
 * the form its messages. tests/partner-slug.test.ts checks the two agree.
 */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

/** Words the partner pages' own routes use (or will): never a partner's slug. */
export const RESERVED_SLUGS = [
  "orgs", "complete", "forgot-password", "activity", "sso", "members", "organisations", "organizations",
  "reports", "settings", "sign-in", "sign-out", "signin", "signout", "login", "logout", "api", "admin",
  "invite", "reset-password", "new", "help", "support", "partner", "partners", "static", "assets",
] as const;

const reserved = new Set<string>(RESERVED_SLUGS);

export const slugField = z
  .string({ error: "Slug is required." })
  .trim()
  .min(3, { error: "Use 3 to 63 characters." })
  .max(63, { error: "Use 3 to 63 characters." })
  .regex(/^[a-z0-9-]+$/, { error: "Use lowercase letters, digits and hyphens only." })
  .regex(SLUG_PATTERN, { error: "Start and end with a letter or a digit." })
  .refine((v) => !reserved.has(v), { error: "This word is used by the partner pages themselves. Choose another slug." });

/** The admin partner page's "Change slug" form. */
export const updatePartnerSlugSchema = z.object({ id: z.string().trim().min(1).max(100), slug: slugField });
export type UpdatePartnerSlugFormValues = z.input<typeof updatePartnerSlugSchema>;

/** A slug from a URL: anything that could not be one is simply "not found". */
export const isSlugShaped = (value: string) => SLUG_PATTERN.test(value);
