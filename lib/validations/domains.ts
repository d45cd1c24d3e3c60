import { z } from "./zod";
import { emailField } from "./fields";

const orgId = z.string().min(1).max(100);

/**
 * Settings > Domains: add a domain (its full rule, normalisation and the public mail services,
 * is the domain layer's: lib/partners/domains.ts `normaliseDomain`), and verify, mark as verified
 * or remove one.
 */
export const addDomainSchema = z.object({
  orgId,
  domain: z
    .string({ error: "Domain must be text." })
    .trim()
    .min(1, { error: "Enter a domain, e.g. example.com." })
    .max(253, { error: "A domain has at most 253 characters." }),
});
export type AddDomainFormValues = z.input<typeof addDomainSchema>;

export const domainActionSchema = z.object({ orgId, id: z.string().min(1).max(100) });
export type DomainActionInput = z.input<typeof domainActionSchema>;

/** Partner sign-in, first step: only the email, to learn where it signs in. */
export const signInEmailSchema = z.object({ email: emailField });
export type SignInEmailInput = z.infer<typeof signInEmailSchema>;
