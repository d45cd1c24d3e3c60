import { z } from "zod";
import {
  activityListSchema,
  createOrgBodySchema,
  eventListSchema,
  eventSchema,
  createUserBodySchema,
  DEFAULT_LIMIT,
  errorSchema,
  MAX_LIMIT,
  oauthErrorSchema,
  orgListSchema,
  partnerOrganisationSchema,
  partnerUserSchema,
  successSchema,
  tokenRequestSchema,
  tokenResponseSchema,
  updateOrgBodySchema,
  userListSchema,
} from "@/lib/validations/api";
import { organisationSchema } from "@/lib/validations/api-organisation";
import { movePartnerUserOperation, ORGANISATIONS_TAG, organisationPaths } from "./openapi-organisations";
import { USAGE_TAG, usagePaths } from "./openapi-usage";
import { BRANDING_TAG, brandingPaths } from "./branding";

/**
 * The OpenAPI 3.1 document of the REST API, generated from the zod schemas the handlers use.
 * Paths, operation ids and response shapes follow ../shared/spec/openapi.json.
 */

const COMPONENTS = new Map<unknown, string>([
  [partnerOrganisationSchema, "PartnerOrganisation"],
  [partnerUserSchema, "PartnerUser"],
  [organisationSchema, "Organisation"],
  [errorSchema, "Error"],
  [tokenResponseSchema, "TokenResponse"],
  [oauthErrorSchema, "OAuthError"],
  [eventSchema, "Event"],
]);

type Json = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: "input" | "output", inlineRoot = false): Json {
  const out = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    override: (ctx) => {
      const id = COMPONENTS.get(ctx.zodSchema);
      if (!id || (inlineRoot && ctx.path.length === 0)) return;
      for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Json)[key];
      (ctx.jsonSchema as Json).$ref = `#/components/schemas/${id}`;
    },
  }) as Json;
  delete out.$schema;
  return out;
}

const jsonContent = (schema: z.ZodType, io: "input" | "output") => ({ "application/json": { schema: schemaOf(schema, io) } });
const response = (description: string, schema: z.ZodType) => ({ description, content: jsonContent(schema, "output") });
const errors = (...codes: (400 | 404 | 409 | 413)[]) =>
  Object.fromEntries(
    codes.map((code) => [
      String(code),
      {
        description: { 400: "Bad request: the body or a parameter is not valid.", 404: "Not found.", 409: "Conflict: the email address is already used by a partner user.", 413: "The request body is too large." }[code],
        content: jsonContent(errorSchema, "output"),
      },
    ]),
  );
const common = { "401": { $ref: "#/components/responses/401Response" }, "503": { description: "The service is temporarily unavailable.", content: jsonContent(errorSchema, "output") } };

const orgIdParam = { name: "partnerOrganisationId", in: "path", required: true, schema: { type: "string" }, description: "Partner organisation ID" };
const userIdParam = { name: "partnerUserId", in: "path", required: true, schema: { type: "string" }, description: "Partner user ID" };
const pageParams = (what: string) => [
  {
    name: "limit",
    in: "query",
    required: false,
    description: `Maximum number of ${what} to return (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT}).`,
    schema: { type: "integer", minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
  },
  { name: "queryMore", in: "query", required: false, description: "The `queryMore` token of the previous page.", schema: { type: "string" } },
];
const tag = ["Partner Management"];
const parts = { jsonContent, response, errors, common, orgIdParam, userIdParam, pageParams };

export function buildOpenApiDocument(serverUrl = "/api"): Json {
  const components = Object.fromEntries([...COMPONENTS].map(([schema, id]) => [id, schemaOf(schema as z.ZodType, "output", true)]));
  return {
    openapi: "3.1.0",
    info: { title: "Partner Management API", version: "1.0.0", description: "Manage partner organisations and their users." },
    tags: [
      { name: "Partner Management", description: "Manage partner organisations and their users. Create, update, and delete partner organisations, and manage user access within them." },
      { name: "Events and audit", description: "Everything that changed, in order: the events webhooks deliver, and the audit trail, for integrations and SIEMs to pull." },
      ORGANISATIONS_TAG,
      USAGE_TAG,
      BRANDING_TAG,
      { name: "Authentication", description: "OAuth 2.0 client credentials: exchange an API client's id and secret for a short-lived access token." },
    ],
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }],
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "An access token from POST /oauth/token, sent as `Authorization: Bearer <token>`." },
        clientBasic: { type: "http", scheme: "basic", description: "The API client's id and secret, for the token endpoint only." },
      },
      schemas: components,
      responses: {
        "401Response": {
          description: "Unauthorized: the access token is missing, invalid, expired, or its client was revoked.",
          headers: { "WWW-Authenticate": { schema: { type: "string" }, description: 'Bearer, with error="invalid_token" when a token was sent.' } },
          content: { "application/json": { schema: { type: "object", properties: { message: { type: "string" } } } } },
        },
      },
    },
    paths: {
      "/oauth/token": {
        post: {
          operationId: "getAccessToken",
          summary: "Get an access token",
          tags: ["Authentication"],
          description: "OAuth 2.0 client credentials grant (RFC 6749 §4.4). Send the client id and secret with HTTP Basic authentication or in the form body.",
          security: [{ clientBasic: [] }, {}],
          requestBody: { required: true, content: { "application/x-www-form-urlencoded": { schema: schemaOf(tokenRequestSchema, "input") } } },
          responses: {
            "200": { description: "An access token. Sent with Cache-Control: no-store.", content: jsonContent(tokenResponseSchema, "output") },
            "400": { description: "invalid_request or unsupported_grant_type.", content: jsonContent(oauthErrorSchema, "output") },
            "401": { description: "invalid_client: unknown client, wrong secret, or revoked client.", content: jsonContent(oauthErrorSchema, "output") },
          },
        },
      },
      "/partner-management/partner-organisations": {
        get: {
          operationId: "getPartnerOrganisations",
          summary: "List Partner Organisations",
          tags: tag,
          description: "Retrieve a paginated list of all partner organisations. Use the `queryMore` token from the response to fetch subsequent pages; it is absent on the last page.",
          parameters: pageParams("partner organisations"),
          responses: { "200": response("OK", orgListSchema), ...errors(400), ...common },
        },
      },
      "/partner-management/partner-organisation": {
        post: {
          operationId: "createPartnerOrganisation",
          summary: "Create Partner Organisation",
          tags: tag,
          description: "Create a new partner organisation. Requires at minimum a name and Zuora account linkage.",
          requestBody: { required: true, content: jsonContent(createOrgBodySchema, "input") },
          responses: { "200": response("Partner organisation created successfully.", partnerOrganisationSchema), ...errors(400, 413), ...common },
        },
      },
      "/partner-management/partner-organisation/{partnerOrganisationId}": {
        post: {
          operationId: "createPartnerUserForOrganisation",
          summary: "Create Partner User",
          tags: tag,
          description: "Create a new user for a specific partner organisation. An email address can belong to only one partner user, across all partners (compared case-insensitively).",
          parameters: [orgIdParam],
          requestBody: { required: true, content: jsonContent(createUserBodySchema, "input") },
          responses: { "200": response("Created", partnerUserSchema), ...errors(400, 404, 409, 413), ...common },
        },
        put: {
          operationId: "updatePartnerOrganisation",
          summary: "Update Partner Organisation",
          tags: tag,
          description: "Update an existing partner organisation's details. Fields left out keep their values; `null` removes the logo or the Salesforce account ID.",
          parameters: [orgIdParam],
          requestBody: { required: true, content: jsonContent(updateOrgBodySchema, "input") },
          responses: { "200": response("Updated", partnerOrganisationSchema), ...errors(400, 404, 413), ...common },
        },
        delete: {
          operationId: "deletePartnerOrganisation",
          summary: "Delete Partner Organisation",
          tags: tag,
          description: "Delete a partner organisation and all associated users",
          parameters: [orgIdParam],
          responses: { "200": response("Deleted", successSchema), ...errors(404), ...common },
        },
      },
      "/partner-management/partner-organisation/{partnerOrganisationId}/users": {
        get: {
          operationId: "getPartnerUsersForOrganisation",
          summary: "List Partner Users for Organisation",
          tags: tag,
          description: "Retrieve the users of a specific partner organisation, a page at a time.",
          parameters: [orgIdParam, ...pageParams("partner users")],
          responses: { "200": response("OK", userListSchema), ...errors(400, 404), ...common },
        },
      },
      "/partner-management/events": {
        get: {
          operationId: "listEvents",
          summary: "List Events",
          tags: ["Events and audit"],
          description:
            "Every event (partner organisations and users, API clients, admins), oldest first, as webhooks deliver them. Page with `queryMore`; after downtime, resume with `after` set to the id of the last event you processed.",
          parameters: [
            ...pageParams("events"),
            { name: "after", in: "query", required: false, description: "Return the events after this event id.", schema: { type: "string" } },
          ],
          responses: { "200": response("OK", eventListSchema), ...errors(400), ...common },
        },
      },
      "/partner-management/activity": {
        get: {
          operationId: "listActivity",
          summary: "List Activity",
          tags: ["Events and audit"],
          description: "The audit trail, oldest first, with the Activity page's filters. Page with `queryMore`.",
          parameters: [
            ...pageParams("entries"),
            { name: "actor", in: "query", required: false, description: "An actor's id, or part of their email or name.", schema: { type: "string" } },
            { name: "org", in: "query", required: false, description: "A partner organisation id.", schema: { type: "string" } },
            { name: "action", in: "query", required: false, description: "An action, e.g. partner_org.created.", schema: { type: "string" } },
            { name: "from", in: "query", required: false, description: "First day (UTC), YYYY-MM-DD.", schema: { type: "string", format: "date" } },
            { name: "to", in: "query", required: false, description: "Last day (UTC), YYYY-MM-DD.", schema: { type: "string", format: "date" } },
          ],
          responses: { "200": response("OK", activityListSchema), ...errors(400), ...common },
        },
      },
      "/partner-management/partner-organisation/{partnerOrganisationId}/{partnerUserId}": {
        delete: {
          operationId: "deletePartnerUser",
          summary: "Delete Partner User",
          tags: tag,
          description: "Delete a specific user from a partner organisation. A user of another organisation is not found.",
          parameters: [orgIdParam, userIdParam],
          responses: { "200": response("Deleted", successSchema), ...errors(404), ...common },
        },
        put: movePartnerUserOperation(parts),
      },
      ...organisationPaths(parts),
      ...usagePaths(parts),
      ...brandingPaths(parts),
    },
  };
}
