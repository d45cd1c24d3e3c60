import "server-only";
import type { AdminUserRow, ApiClientRow, PartnerOrgRow, PartnerUserRow } from "@/db/schema";
import { config } from "@/lib/config";
import { fullName } from "@/lib/partners/users";
import type { ApiPartnerOrganisation, ApiPartnerUser, CreateOrgBody, UpdateOrgBody } from "@/lib/validations/api";
import type { PartnerOrgFields, PartnerOrgPatch } from "@/lib/partners/orgs";

/**
 * The spec's PartnerOrganisation. Optional fields are left out when empty, never sent as null.
 * `status: "suspended"` is an extension field, present only while the partner is suspended.
 */
export function toApiOrg(row: PartnerOrgRow): ApiPartnerOrganisation {
  return {
    id: row.id,
    name: row.name,
    data: {
      zuoraAccountId: row.zuoraAccountId,
      isZuoraInvoiceOwner: row.invoiceOwner === "partner",
      ...(row.salesforceAccountId ? { salesforceAccountId: row.salesforceAccountId } : {}),
      ...(row.logo ? { logo: row.logo } : {}),
    },
    record_type: "partner_org",
    service: config.serviceName(),
    created: row.created.toISOString(),
    modified: row.modified.toISOString(),
    ...(row.suspendedAt ? { status: "suspended" as const } : {}),
  };
}

/** The spec's PartnerUser: `name` is the user's name when one was given, else the email. */
export function toApiUser(row: PartnerUserRow): ApiPartnerUser {
  return {
    id: row.id,
    name: fullName(row) ?? row.email,
    data: { email: row.email },
    partner_org: row.partnerOrgId,
    record_type: "partner_user",
    service: config.serviceName(),
    created: row.created.toISOString(),
    modified: row.modified.toISOString(),
  };
}

/** A portal admin in events (the REST API has no admin resource; this is its shape in that style). */
export function toApiAdmin(row: AdminUserRow) {
  return {
    id: row.id,
    name: row.name ?? row.email,
    data: { email: row.email, role: row.role },
    record_type: "admin" as const,
    service: config.serviceName(),
    created: row.created.toISOString(),
    modified: row.modified.toISOString(),
  };
}

/** An API client in events: never its secret or hash. */
export function toApiClient(row: ApiClientRow) {
  return {
    id: row.id,
    name: row.name,
    data: { ...(row.revokedAt ? { revoked: row.revokedAt.toISOString() } : {}) },
    record_type: "api_client" as const,
    service: config.serviceName(),
    created: row.created.toISOString(),
  };
}

const invoiceOwnerOf = (isOwner: boolean) => (isOwner ? "partner" : "end_customer");

export function orgFieldsFromApi(body: CreateOrgBody): PartnerOrgFields {
  return {
    name: body.name,
    zuoraAccountId: body.zuoraAccountId,
    invoiceOwner: invoiceOwnerOf(body.isZuoraInvoiceOwner),
    salesforceAccountId: body.salesforceAccountId,
    logo: body.logo,
  };
}

export function orgPatchFromApi(body: UpdateOrgBody): PartnerOrgPatch {
  return {
    name: body.name,
    zuoraAccountId: body.zuoraAccountId,
    invoiceOwner: body.isZuoraInvoiceOwner === undefined ? undefined : invoiceOwnerOf(body.isZuoraInvoiceOwner),
    salesforceAccountId: body.salesforceAccountId,
    logo: body.logo,
  };
}
