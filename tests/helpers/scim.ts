import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setDatabaseForTests, type Database } from "@/db";
import { readResponse } from "./api";
import * as users from "@/app/api/scim/v2/[partnerOrganisationId]/Users/route";
import * as user from "@/app/api/scim/v2/[partnerOrganisationId]/Users/[id]/route";
import * as groups from "@/app/api/scim/v2/[partnerOrganisationId]/Groups/route";
import * as group from "@/app/api/scim/v2/[partnerOrganisationId]/Groups/[id]/route";
import * as spc from "@/app/api/scim/v2/[partnerOrganisationId]/ServiceProviderConfig/route";
import * as resourceTypes from "@/app/api/scim/v2/[partnerOrganisationId]/ResourceTypes/route";
import * as resourceType from "@/app/api/scim/v2/[partnerOrganisationId]/ResourceTypes/[id]/route";
import * as schemas from "@/app/api/scim/v2/[partnerOrganisationId]/Schemas/route";
import * as schema from "@/app/api/scim/v2/[partnerOrganisationId]/Schemas/[id]/route";
import type { Actor } from "@/lib/auth/actor";
import { createPartnerOrg } from "@/lib/partners/orgs";
import { createScimToken } from "@/lib/scim/tokens";
import { freshDatabase } from "./db";

export const portalOwner: Actor = { kind: "admin", id: "owner-1", role: "owner", label: "owner@example.com" };
export const SCIM_CONTENT = "application/scim+json";

/** A test database behind the route handlers, with two partner organisations and a SCIM token each. */
export async function setupScim(): Promise<{ database: Database; orgA: string; orgB: string; tokenA: string; tokenB: string }> {
  process.env.AUTH_SECRET ??= "test-auth-secret-0123456789-0123456789";
  process.env.MAIL_OUTBOX_DIR ??= await mkdtemp(path.join(tmpdir(), "pm-scim-outbox-"));
  const database = await freshDatabase();
  setDatabaseForTests(database);
  const org = (name: string) => createPartnerOrg(database.db, portalOwner, { name, zuoraAccountId: `Z-${name}`, invoiceOwner: "partner" });
  const orgA = (await org("SCIM A")).id;
  const orgB = (await org("SCIM B")).id;
  const tokenA = (await createScimToken(database.db, portalOwner, orgA, { description: "Okta" })).token;
  const tokenB = (await createScimToken(database.db, portalOwner, orgB, {})).token;
  return { database, orgA, orgB, tokenA, tokenB };
}

type Handler = (request: Request, context: { params: Promise<any> }) => Promise<Response>;

/** The route handler module and params for a path under /api/scim/v2, as Next's router would pick them. */
function route(pathname: string): { mod: Record<string, Handler>; params: Record<string, string> } {
  const [orgId, resource, id, ...rest] = pathname.replace(/^\/api\/scim\/v2\//, "").split("/").map(decodeURIComponent);
  if (rest.length) throw new Error(`no route for ${pathname}`);
  const base = { partnerOrganisationId: orgId! };
  const table: Record<string, [Record<string, Handler>, Record<string, Handler>?]> = {
    Users: [users as never, user as never],
    Groups: [groups as never, group as never],
    ServiceProviderConfig: [spc as never],
    ResourceTypes: [resourceTypes as never, resourceType as never],
    Schemas: [schemas as never, schema as never],
  };
  const entry = table[resource!];
  if (!entry) throw new Error(`no route for ${pathname}`);
  if (id === undefined) return { mod: entry[0], params: base };
  if (!entry[1]) throw new Error(`no route for ${pathname}`);
  return { mod: entry[1], params: { ...base, id } };
}

export interface ScimResponse {
  status: number;
  body: any;
  headers: Headers;
  text: string;
}

/** One SCIM request through the real route handlers: `path` is relative to /api/scim/v2/ and may hold a query. */
export async function scim(
  method: string,
  pathAndQuery: string,
  opts: { token?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<ScimResponse> {
  const url = new URL(`http://localhost/api/scim/v2/${pathAndQuery}`);
  const { mod, params } = route(url.pathname);
  const handler = mod[method];
  if (!handler) return { status: 405, body: undefined, headers: new Headers(), text: "" };
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const body = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  if (body !== undefined) headers["content-type"] ??= SCIM_CONTENT;
  const res = await handler(new Request(url, { method, headers, body }), { params: Promise.resolve(params) });
  return readResponse(res);
}
