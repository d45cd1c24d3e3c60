import type { InvoiceOwner, PartnerRole } from "@/db/schema";

export const ROLE_LABEL: Record<PartnerRole, string> = { viewer: "Viewer", maintainer: "Maintainer", admin: "Admin" };

/** Seed 002's roles, as the team section explains them. */
export const ROLE_HELP: Record<PartnerRole, string> = {
  viewer: "read-only access",
  maintainer: "manages properties and environments",
  admin: "full access, including managing the members",
};

export const MEMBER_STATUS_LABEL = {
  suspended: "Suspended",
  active: "Active",
  invited: "Invited",
  expired: "Invitation expired",
  revoked: "Invitation revoked",
  not_invited: "Not invited",
} as const;

/** Who owns invoices in Zuora, said to the partner. */
export function invoiceOwnerSentence(owner: InvoiceOwner, zuoraAccountId: string): string {
  return owner === "partner"
    ? `Your organisation's Zuora account (${zuoraAccountId}) owns the invoices: subscriptions made through you are invoiced to your account, and you bill your customers yourself.`
    : "Each end customer's own Zuora account owns their invoices: a new subscription creates a Zuora account for the customer, and invoices go to them rather than to you.";
}
