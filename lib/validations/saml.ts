import { z } from "zod";

/** The SAMLResponse of 1 MB of XML, base64: a little over 1.33 MB of text. */
export const MAX_SAML_RESPONSE_CHARS = 1_400_000;

/** The HTTP-POST binding's form at a partner's ACS (app/api/sso/[partnerOrgId]/saml/acs). */
export const samlAcsFormSchema = z.object({
  SAMLResponse: z
    .string({ error: "The form has no SAMLResponse." })
    .trim()
    .min(1, { error: "The form has no SAMLResponse." })
    .max(MAX_SAML_RESPONSE_CHARS, { error: "The SAMLResponse is larger than 1 MB." })
    .regex(/^[A-Za-z0-9+/=\s]+$/, { error: "The SAMLResponse is not base64." }),
  RelayState: z.string().max(200, { error: "The RelayState is longer than 200 characters." }).optional(),
});
export type SamlAcsForm = z.output<typeof samlAcsFormSchema>;
