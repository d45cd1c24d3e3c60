import "server-only";
import type { CustomerOrgRow } from "@/db/schema";
import { config } from "@/lib/config";
import type { ApiOrganisation } from "@/lib/validations/api-organisation";
import { ApiError } from "./errors";

/** The API's Organisation: optional IDs left out when empty; `partner_org` null is "No partner". */
export function toApiOrganisation(row: CustomerOrgRow): ApiOrganisation {
  return {
    id: row.id,
    name: row.name,
    data: {
      ...(row.zuoraAccountId ? { zuoraAccountId: row.zuoraAccountId } : {}),
      ...(row.salesforceAccountId ? { salesforceAccountId: row.salesforceAccountId } : {}),
    },
    partner_org: row.partnerOrgId,
    record_type: "organisation",
    service: config.serviceName(),
    created: row.created.toISOString(),
    modified: row.modified.toISOString(),
  };
}

const ID = /^[A-Za-z0-9_-]{1,100}$/;

/** An organisation id from the path; one that cannot exist is "not found" without asking the database. */
export function organisationPathId(value: string | undefined): string {
  if (!value || !ID.test(value)) throw new ApiError(404, "Organisation not found.");
  return value;
}
