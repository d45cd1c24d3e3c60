import "server-only";
import { GROUP_SCHEMA } from "./groups";
import { USER_SCHEMA } from "./user-resource";
import { LIST_RESPONSE, MAX_RESULTS } from "./users";

/** RFC 7644 §4 discovery: what this service provider supports, for the directory to read. */

const SPC_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
const RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
const SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

export function serviceProviderConfig(baseUrl: string) {
  return {
    schemas: [SPC_SCHEMA],
    documentationUri: "https://datatracker.ietf.org/doc/html/rfc7644",
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_RESULTS },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "SCIM token",
        description: "A SCIM token of the partner organisation, from its Provisioning (SCIM) settings, as Authorization: Bearer <token>.",
        primary: true,
      },
    ],
    meta: { resourceType: "ServiceProviderConfig", location: `${baseUrl}/ServiceProviderConfig` },
  };
}

const resourceType = (baseUrl: string, name: "User" | "Group", schema: string, description: string) => ({
  schemas: [RESOURCE_TYPE_SCHEMA],
  id: name,
  name,
  endpoint: `/${name}s`,
  description,
  schema,
  meta: { resourceType: "ResourceType", location: `${baseUrl}/ResourceTypes/${name}` },
});

export function resourceTypes(baseUrl: string) {
  return [
    resourceType(baseUrl, "User", USER_SCHEMA, "A partner user of this organisation"),
    resourceType(baseUrl, "Group", GROUP_SCHEMA, "A partner role (Viewer, Maintainer, Admin); its members have that role"),
  ];
}

type Attr = { name: string; type: string; multiValued?: boolean; required?: boolean; caseExact?: boolean; mutability?: string; returned?: string; uniqueness?: string; description: string; subAttributes?: Attr[] };

function attr(a: Attr): Record<string, unknown> {
  const { subAttributes, ...rest } = a;
  return {
    multiValued: false,
    required: false,
    caseExact: false,
    mutability: "readWrite",
    returned: "default",
    uniqueness: "none",
    ...rest,
    ...(subAttributes ? { subAttributes: subAttributes.map(attr) } : {}),
  };
}

const multi = (name: string, description: string, valueDescription: string) =>
  attr({
    name,
    type: "complex",
    multiValued: true,
    description,
    subAttributes: [
      { name: "value", type: "string", description: valueDescription },
      { name: "type", type: "string", description: 'Stored as "work".' },
      { name: "primary", type: "boolean", description: "The value used." },
    ],
  });

export function userSchema(baseUrl: string) {
  return {
    schemas: [SCHEMA_SCHEMA],
    id: USER_SCHEMA,
    name: "User",
    description: "A partner user. The email is the primary email, else userName; it is unique across all partners.",
    attributes: [
      attr({ name: "userName", type: "string", required: true, uniqueness: "server", description: "The directory's sign-in name; the email when no email is sent." }),
      attr({ name: "externalId", type: "string", caseExact: true, description: "The directory's own id for the user." }),
      attr({
        name: "name",
        type: "complex",
        description: "The user's name.",
        subAttributes: [
          { name: "givenName", type: "string", description: "First name." },
          { name: "familyName", type: "string", description: "Last name." },
          { name: "formatted", type: "string", mutability: "readOnly", description: "First and last name." },
        ],
      }),
      attr({ name: "displayName", type: "string", description: "The single name shown for the user." }),
      multi("emails", "The user's email address (one).", "An email address, unique across all partners."),
      multi("phoneNumbers", "The user's phone number (one).", "A phone number with its country code, stored in E.164."),
      multi("roles", "The user's partner role (one).", "viewer, maintainer or admin."),
      attr({ name: "active", type: "boolean", description: "false suspends the user: their sessions end and they cannot sign in." }),
      attr({ name: "groups", type: "complex", multiValued: true, mutability: "readOnly", description: "The user's partner role, as its group." }),
    ],
    meta: { resourceType: "Schema", location: `${baseUrl}/Schemas/${USER_SCHEMA}` },
  };
}

export function groupSchema(baseUrl: string) {
  return {
    schemas: [SCHEMA_SCHEMA],
    id: GROUP_SCHEMA,
    name: "Group",
    description: "A partner role. Groups are fixed: Viewer, Maintainer and Admin.",
    attributes: [
      attr({ name: "displayName", type: "string", required: true, mutability: "immutable", uniqueness: "server", description: "Viewer, Maintainer or Admin." }),
      attr({
        name: "members",
        type: "complex",
        multiValued: true,
        description: "The users with this role; adding one gives them the role, removing one makes them a Viewer.",
        subAttributes: [{ name: "value", type: "string", mutability: "immutable", description: "A user's id." }],
      }),
    ],
    meta: { resourceType: "Schema", location: `${baseUrl}/Schemas/${GROUP_SCHEMA}` },
  };
}

export const listOf = (resources: unknown[]) => ({
  schemas: [LIST_RESPONSE],
  totalResults: resources.length,
  startIndex: 1,
  itemsPerPage: resources.length,
  Resources: resources,
});
