import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import {
  adminUser,
  apiClient,
  customerOrg,
  partnerOrg,
  partnerUser,
  type AdminUserRow,
  type ApiClientRow,
  type CustomerOrgRow,
  type PartnerOrgRow,
  type PartnerUserRow,
} from "@/db/schema";
import { toApiOrganisation } from "@/lib/api/organisations";
import { toApiAdmin, toApiClient, toApiOrg, toApiUser } from "@/lib/api/mappers";
import type { EventResource } from "./types";

/**
 * How an event finds and shows its resource: `load` reads it inside the change's transaction (so
 * a domain function only names the event type), `toApi` is the REST API's shape of it, and
 * `partnerOrgId` the partner it belongs to, if any. A deleted resource is passed in as a row.
 */
export interface ResourceMapping<Row> {
  load(db: Queryable, id: string): Promise<Row | undefined>;
  toApi(row: Row): Record<string, unknown>;
  id(row: Row): string;
  partnerOrgId(row: Row): string | null;
}

const byId = <Row>(table: typeof partnerOrg | typeof partnerUser | typeof adminUser | typeof apiClient | typeof customerOrg) =>
  async (db: Queryable, id: string) => (await db.select().from(table as typeof partnerOrg).where(eq((table as typeof partnerOrg).id, id)))[0] as Row | undefined;

const partnerOrganisation: ResourceMapping<PartnerOrgRow> = {
  load: byId<PartnerOrgRow>(partnerOrg),
  toApi: toApiOrg,
  id: (r) => r.id,
  partnerOrgId: (r) => r.id,
};

const partnerUserResource: ResourceMapping<PartnerUserRow> = {
  load: byId<PartnerUserRow>(partnerUser),
  toApi: toApiUser,
  id: (r) => r.id,
  partnerOrgId: (r) => r.partnerOrgId,
};

const admin: ResourceMapping<AdminUserRow> = {
  load: byId<AdminUserRow>(adminUser),
  toApi: toApiAdmin,
  id: (r) => r.id,
  partnerOrgId: () => null,
};

const apiClientResource: ResourceMapping<ApiClientRow> = {
  load: byId<ApiClientRow>(apiClient),
  toApi: toApiClient,
  id: (r) => r.id,
  partnerOrgId: () => null,
};

/** A partner's customer organisation; `partner_org` null is "No partner". */
const organisation: ResourceMapping<CustomerOrgRow> = {
  load: byId<CustomerOrgRow>(customerOrg),
  toApi: toApiOrganisation,
  id: (r) => r.id,
  partnerOrgId: (r) => r.partnerOrgId,
};

/** One entry per resource of EVENT_TYPES: a new resource adds its mapping here, and its types there. */
export const EVENT_RESOURCES: { [R in EventResource]: ResourceMapping<any> } = {
  partner_organisation: partnerOrganisation,
  partner_user: partnerUserResource,
  organisation,
  admin,
  api_client: apiClientResource,
};
