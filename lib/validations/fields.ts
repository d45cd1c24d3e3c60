import { z } from "zod";
import { isValidSalesforceId } from "@/lib/salesforce";

/** Field schemas shared by the admin forms, the server actions and the REST API. */
export const orgNameField = z
  .string({ error: "Partner organisation name is required." })
  .trim()
  .min(1, { error: "Partner organisation name is required." })
  .max(200, { error: "Partner organisation name must be at most 200 characters." });

export const logoField = z
  .string({ error: "Logo must be a URL." })
  .trim()
  .max(2048, { error: "Logo URL must be at most 2048 characters." })
  .refine(isHttpUrl, { error: "Logo must be an http:// or https:// URL." });

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

export const personNameField = z
  .string({ error: "Name must be text." })
  .trim()
  .max(200, { error: "Name must be at most 200 characters." });

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
