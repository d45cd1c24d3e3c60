import { z } from "zod";
import { isPrivateHost } from "@/lib/net/private-host";
import { isValidSalesforceId } from "@/lib/salesforce";
import { bidiMessage, controlCharsMessage, hasBidiControls, hasControlChars } from "./text";

/**
 * A text field with the shared character rule (./text.ts): no control characters; a name also no
 * text-direction controls. Every name and search field is one of these.
 */
export function plainText<S extends z.ZodType<string, string>>(schema: S, label: string) {
  return schema.refine((v) => !hasControlChars(v), { error: controlCharsMessage(label) });
}
export function nameText<S extends z.ZodType<string, string>>(schema: S, label: string) {
  return plainText(schema, label).refine((v) => !hasBidiControls(v), { error: bidiMessage(label) });
}

/** A search box (tables, finders, exports): at most 200 characters, no control characters. */
export const searchQueryField = plainText(z.string().trim().max(200, { error: "Search must be at most 200 characters." }), "Search");

/** Field schemas shared by the admin forms, the server actions and the REST API. */
export const orgNameField = nameText(
  z
    .string({ error: "Partner organisation name is required." })
    .trim()
    .min(1, { error: "Partner organisation name is required." })
    .max(200, { error: "Partner organisation name must be at most 200 characters." }),
  "Partner organisation name",
);

export const logoField = z
  .string({ error: "Logo must be a URL." })
  .trim()
  .max(2048, { error: "Logo URL must be at most 2048 characters." })
  .refine(isHttpUrl, { error: "Logo must be an http:// or https:// URL." })
  .refine((v) => !isHttpUrl(v) || isAppOrigin(v) || !isPrivateHost(new URL(v).hostname), {
    error: "Logo must be on a public host, not a loopback, private, link-local or metadata address.",
  });

/**
 * A logo served by the app itself (its own origin: APP_URL on the server, the page's origin in
 * the browser) is allowed wherever the app runs: browsers already load the app from there.
 */
function isAppOrigin(value: string): boolean {
  const app = typeof window !== "undefined" ? window.location.origin : process.env.APP_URL || `http://localhost:${process.env.PORT || 3000}`;
  try {
    return new URL(value).origin === new URL(app).origin;
  } catch {
    return false;
  }
}

export const zuoraAccountIdField = z
  .string({ error: "Zuora account ID is required." })
  .trim()
  .min(1, { error: "Zuora account ID is required." })
  .max(100, { error: "Zuora account ID must be at most 100 characters." })
  .regex(/^[\x21-\x7e]+$/, { error: "Zuora account ID may contain only letters, digits and symbols, without spaces." });

export const salesforceAccountIdField = z
  .string({ error: "Salesforce account ID must be text." })
  .trim()
  .refine(isValidSalesforceId, { error: "Enter a valid 15- or 18-character Salesforce account ID." });

export const emailField = z
  .string({ error: "Email address is required." })
  .trim()
  .min(1, { error: "Email address is required." })
  .max(254, { error: "Email address must be at most 254 characters." })
  .pipe(z.email({ error: "Enter a valid email address." }));

/** A person's name; `.min(1)` where it is required. */
export const personNameField = z
  .string({ error: "Name must be text." })
  .trim()
  .max(200, { error: "Name must be at most 200 characters." })
  .refine((v) => !hasControlChars(v), { error: controlCharsMessage("Name") })
  .refine((v) => !hasBidiControls(v), { error: bidiMessage("Name") });

export const invoiceOwnerValues = ["partner", "end_customer"] as const;
export const invoiceOwnerField = z.enum(invoiceOwnerValues, { error: "Choose who owns invoices in Zuora." });

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** "" from an empty form field means "not given". */
export const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
