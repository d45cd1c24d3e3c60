import type { z } from "zod";
import { partnerUserSchema, successSchema } from "@/lib/validations/api";
import {
  createOrganisationBodySchema,
  movePartnerUserBodySchema,
  organisationListSchema,
  organisationSchema,
  updateOrganisationBodySchema,
} from "@/lib/validations/api-organisation";

type Json = Record<string, unknown>;
export interface OpenApiParts {
  jsonContent: (schema: z.ZodType, io: "input" | "output") => Json;
  response: (description: string, schema: z.ZodType) => Json;
  errors: (...codes: (400 | 404 | 409 | 413)[]) => Json;
  common: Json;
  orgIdParam: Json;
  userIdParam: Json;
  pageParams: (what: string) => Json[];
}

export const ORGANISATIONS_TAG = {
  name: "Customer Organisations",
  description:
    'The organisations of a partner\'s customers: list, create, read, update and delete them, and move them to another partner or to "No partner". Also moves a partner user to another partner organisation.',
};
const tags = [ORGANISATIONS_TAG.name];
const organisationIdParam = { name: "organisationId", in: "path", required: true, schema: { type: "string" }, description: "Customer organisation ID" };

/** The extension's operations, beside the seed's seven (which stay exactly as the seed has them). */
export function organisationPaths(p: OpenApiParts): Json {
  return {
    "/partner-management/partner-organisation/{partnerOrganisationId}/organisations": {
      get: {
        operationId: "getOrganisationsForPartner",
        summary: "List Customer Organisations of a Partner",
        tags,
        description: "Retrieve the customer organisations a partner organisation owns, a page at a time, ordered by id.",
        parameters: [p.orgIdParam, ...p.pageParams("organisations")],
        responses: { "200": p.response("OK", organisationListSchema), ...p.errors(400, 404), ...p.common },
      },
      post: {
        operationId: "createOrganisationForPartner",
        summary: "Create Customer Organisation",
        tags,
        description: "Create a customer organisation owned by this partner organisation.",
        parameters: [p.orgIdParam],
        requestBody: { required: true, content: p.jsonContent(createOrganisationBodySchema, "input") },
        responses: { "200": p.response("Created", organisationSchema), ...p.errors(400, 404, 413), ...p.common },
      },
    },
    "/partner-management/organisation/{organisationId}": {
      get: {
        operationId: "getOrganisation",
        summary: "Get Customer Organisation",
        tags,
        parameters: [organisationIdParam],
        responses: { "200": p.response("OK", organisationSchema), ...p.errors(404), ...p.common },
      },
      put: {
        operationId: "updateOrganisation",
        summary: "Update or Move Customer Organisation",
        tags,
        description:
          'Fields left out keep their values; `null` removes an ID. `partnerOrganisationId` moves the organisation to that partner, or with `null` to "No partner". The edit and the move are applied together or not at all.',
        parameters: [organisationIdParam],
        requestBody: { required: true, content: p.jsonContent(updateOrganisationBodySchema, "input") },
        responses: { "200": p.response("Updated", organisationSchema), ...p.errors(400, 404, 413), ...p.common },
      },
      delete: {
        operationId: "deleteOrganisation",
        summary: "Delete Customer Organisation",
        tags,
        parameters: [organisationIdParam],
        responses: { "200": p.response("Deleted", successSchema), ...p.errors(404), ...p.common },
      },
    },
  };
}

/** PUT beside the seed's DELETE on a partner user's path: moves the user to another partner. */
export function movePartnerUserOperation(p: OpenApiParts): Json {
  return {
    operationId: "movePartnerUser",
    summary: "Move Partner User to another Partner Organisation",
    tags,
    description:
      "Moves the user, who keeps their sign-in and history, to another partner organisation with the role given (viewer by default). Every session of the user ends.",
    parameters: [p.orgIdParam, p.userIdParam],
    requestBody: { required: true, content: p.jsonContent(movePartnerUserBodySchema, "input") },
    responses: { "200": p.response("Moved", partnerUserSchema), ...p.errors(400, 404, 413), ...p.common },
  };
}
