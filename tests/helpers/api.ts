import { readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { setDatabaseForTests, type Database } from "@/db";
import { systemActor } from "@/lib/auth/actor";
import { createApiClient } from "@/lib/api-clients/api-clients";
import { POST as tokenRoute } from "@/app/api/oauth/token/route";
import { freshDatabase } from "./db";

/** A test database behind the route handlers, and an API client with a fresh access token. */
export async function setupApi(): Promise<{ database: Database; clientId: string; secret: string; token: string }> {
  process.env.AUTH_SECRET ??= "test-auth-secret-0123456789-0123456789";
  // Invitation mails of created users go to a throwaway folder, never the developer's .data.
  process.env.MAIL_OUTBOX_DIR ??= await mkdtemp(path.join(tmpdir(), "pm-api-outbox-"));
  const database = await freshDatabase();
  setDatabaseForTests(database);
  const { client, secret } = await createApiClient(database.db, systemActor, { name: "tests" });
  const token = await getToken(client.id, secret);
  return { database, clientId: client.id, secret, token };
}

export async function getToken(clientId: string, secret: string): Promise<string> {
  const res = await tokenRoute(
    new Request("http://localhost/api/oauth/token", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: secret }),
    }),
  );
  if (res.status !== 200) throw new Error(`token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

type Route = (request: Request, context: { params: Promise<any> }) => Promise<Response>;

/** Calls an exported route function in-process, as Next would. */
export async function call(
  route: Route,
  opts: { method?: string; path?: string; token?: string | null; body?: unknown; rawBody?: string; params?: Record<string, string>; headers?: Record<string, string> },
): Promise<{ status: number; body: any; headers: Headers; text: string }> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined) headers["content-type"] ??= "application/json";
  const res = await route(new Request(`http://localhost/api${opts.path ?? "/"}`, { method: opts.method ?? "GET", headers, body }), {
    params: Promise.resolve(opts.params ?? {}),
  });
  return readResponse(res);
}

/** A route handler's answer as a test reads it: status, headers, the raw text and its JSON (when it is JSON). */
export async function readResponse(res: Response): Promise<{ status: number; body: unknown; headers: Headers; text: string }> {
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, body: parsed, headers: res.headers, text };
}

/* Limio's OpenAPI document of the Partner Management API, for contract checks. */

export const seed = JSON.parse(readFileSync(new URL("../fixtures/limio-partner-management.openapi.json", import.meta.url), "utf8")) as any;

const OPTIONAL = new Set(["salesforceAccountId", "logo", "queryMore"]);

/**
 * Limio's schemas declare no required fields and allow extra ones, so `{}` would pass them.
 * The strict variant also demands every property the spec lists (but the optional ones) and no others.
 */
function strictify(schema: any): any {
  if (Array.isArray(schema)) return schema.map(strictify);
  if (!schema || typeof schema !== "object") return schema;
  const out: any = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === "properties" ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, strictify(s)])) : strictify(v)]));
  if (schema.type === "object" && schema.properties) {
    out.required = Object.keys(schema.properties).filter((p) => !OPTIONAL.has(p));
    out.additionalProperties = false;
  }
  return out;
}

function withRefs(schema: any, id: string): any {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${id}#/$defs/`));
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
// ajv-formats is CommonJS: its default export arrives wrapped or not depending on the loader.
((addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats)(ajv);
ajv.addSchema({ $id: "seed", $defs: withRefs(seed.components.schemas, "seed") });
ajv.addSchema({ $id: "strict", $defs: withRefs(strictify(seed.components.schemas), "strict") });

/** Limio's 200 response schema of an operation. */
export function seedResponseSchema(path: string, method: string): any {
  return seed.paths[path][method].responses["200"].content["application/json"].schema;
}

/** Asserts `body` matches Limio's 200 response of that operation, loosely (as written) and strictly. */
export function assertMatchesSeed(path: string, method: string, body: unknown): void {
  const schema = seedResponseSchema(path, method);
  for (const [id, s] of [["seed", withRefs(schema, "seed")], ["strict", withRefs(strictify(schema), "strict")]] as const) {
    const validate = ajv.compile(s);
    if (!validate(body)) throw new Error(`${method.toUpperCase()} ${path} (${id}): ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`);
  }
}

export const ORGS = "/partner-management/partner-organisations";
export const ORG = "/partner-management/partner-organisation";
export const ORG_ID = "/partner-management/partner-organisation/{partnerOrganisationId}";
export const ORG_USERS = "/partner-management/partner-organisation/{partnerOrganisationId}/users";
export const ORG_USER = "/partner-management/partner-organisation/{partnerOrganisationId}/{partnerUserId}";
