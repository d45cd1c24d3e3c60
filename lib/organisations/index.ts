/** Customer organisations: the domain functions the admin app, the partner pages and the API share. */
export { createOrganisation, type OrganisationFields } from "./create";
export { getOrganisation, type OrganisationWithPartner } from "./read";
export { updateOrganisation, type OrganisationPatch } from "./update";
export { moveOrganisation } from "./move";
export { deleteOrganisation } from "./delete";
export { listOrganisationsTable, type OrganisationsTablePage } from "./list-table";
export { listOrganisationsByKey } from "./list-by-key";
export { countOrganisationsByPartner } from "./counts";
export { findPartnerOptions } from "./partner-options";
