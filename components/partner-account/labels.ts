import type { InvoiceOwner, PartnerRole } from "@/db/schema";

/** The roles of a partner account, lowest first: each holds what the one before it holds. */
export const PARTNER_ROLES = ["viewer", "maintainer", "admin"] as const satisfies readonly PartnerRole[];

export const ROLE_LABEL: Record<PartnerRole, string> = { viewer: "Viewer", maintainer: "Maintainer", admin: "Admin" };

/**
 * What each role may do in this product, shown wherever a role is chosen. The policy table
 * (lib/auth/policy.ts, ROLE_PERMISSIONS) is what enforces it.
 */
export const ROLE_HELP: Record<PartnerRole, string> = {
  viewer: "Reads every organisation and member of the partner account, and its activity. Changes nothing.",
  maintainer: "Everything a Viewer can do, and creates, edits, moves and deletes the partner account's organisations.",
  admin: "Everything a Maintainer can do, and manages the partner account's members and settings.",
};

export const MEMBER_STATUS_LABEL = {
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
