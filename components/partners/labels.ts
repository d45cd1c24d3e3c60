import type { InvoiceOwner, PartnerOrgStatus } from "@/db/schema";

export const INVOICE_OWNER_LABEL: Record<InvoiceOwner, string> = { partner: "Partner", end_customer: "End customer" };

/** Seed 000's explanation of each choice. */
export const INVOICE_OWNER_HELP: Record<InvoiceOwner, string> = {
  partner:
    "The resulting subscription in Zuora will have the invoice owner field set to the Zuora account ID of this partner organisation.",
  end_customer:
    "The resulting subscription in Zuora will have the invoice owner field set to the Zuora account ID of the customer that is created when a new subscription is made.",
};

export const STATUS_LABEL: Record<PartnerOrgStatus, string> = { pending: "Pending", approved: "Approved" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
/** Dates are formatted on the server, in UTC, so server and browser render the same text. */
export function formatDate(date: Date): string {
  return `${dateFormat.format(date)} UTC`;
}
