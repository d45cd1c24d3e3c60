import type { InvoiceOwner, PartnerOrgStatus, PartnerRole } from "@/db/schema";
import type { PartnerUserStatus } from "@/lib/partners/user-access";

/**
 * The words for partner organisations and partner users, in one place: Limio's field names in the
 * admin app, Edgio's role names on the partner pages (docs/domain.md).
 */
export const ORG_LABEL = {
  id: "Partner Organisation ID",
  name: "Partner organisation name",
  slug: "Partner slug",
  logo: "Logo (URL)",
  zuoraAccountId: "Zuora account ID",
  salesforceAccountId: "Salesforce account ID",
  invoiceOwner: "Zuora Invoice Owner",
  primaryContact: "Primary contact",
  created: "Created",
  modified: "Modified",
} as const;

/** "Acme Resellers Ltd" → "AR": what stands in for a logo that is missing or does not load. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const letters = words.slice(0, 2).map((w) => [...w.replace(/^[^\p{L}\p{N}]+/u, "")][0] ?? "");
  return letters.join("").toUpperCase() || "?";
}

export const ORG_STATUS_LABEL: Record<PartnerOrgStatus, string> = { pending: "Pending", approved: "Approved" };

export const INVOICE_OWNER_LABEL: Record<InvoiceOwner, string> = { partner: "Partner", end_customer: "End customer" };

/** Limio's explanation of each choice, for the admin. */
export const INVOICE_OWNER_HELP: Record<InvoiceOwner, string> = {
  partner:
    "The resulting subscription in Zuora will have the invoice owner field set to the Zuora account ID of this partner organisation.",
  end_customer:
    "The resulting subscription in Zuora will have the invoice owner field set to the Zuora account ID of the customer that is created when a new subscription is made.",
};

/** Who owns invoices in Zuora, said to the partner. */
export function invoiceOwnerSentence(owner: InvoiceOwner, zuoraAccountId: string): string {
  return owner === "partner"
    ? `Your organisation's Zuora account (${zuoraAccountId}) owns the invoices: subscriptions made through you are invoiced to your account, and you bill your customers yourself.`
    : "Each end customer's own Zuora account owns their invoices: a new subscription creates a Zuora account for the customer, and invoices go to them rather than to you.";
}

export const PARTNER_ROLES = ["viewer", "maintainer", "admin"] as const satisfies readonly PartnerRole[];

export const PARTNER_ROLE_LABEL: Record<PartnerRole, string> = { viewer: "Viewer", maintainer: "Maintainer", admin: "Admin" };

/**
 * What each partner role may do in this product, shown wherever a role is chosen. The policy
 * table (lib/auth/policy.ts, ROLE_PERMISSIONS) is what enforces it.
 */
export const PARTNER_ROLE_HELP: Record<PartnerRole, string> = {
  viewer: "Reads every organisation and member of the partner account, and its activity. Changes nothing.",
  maintainer: "Everything a Viewer can do, and creates, edits, moves and deletes the partner account's organisations.",
  admin: "Everything a Maintainer can do, and manages the partner account's members and settings.",
};

export const USER_STATUS_LABEL: Record<PartnerUserStatus, string> = {
  active: "Active",
  invited: "Invited",
  expired: "Invitation expired",
  revoked: "Invitation revoked",
  not_invited: "Not invited",
};
