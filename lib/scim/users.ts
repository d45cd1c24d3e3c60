import "server-only";
import { and, asc, count, eq, ne, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db";
import { partnerUser, type PartnerUserRow } from "@/db/schema";
import { assertCan } from "@/lib/auth/policy";
import { isId } from "@/lib/ids";
import { updatePartnerUser } from "@/lib/partners/user-update";
import { createPartnerUser, deletePartnerUser, getPartnerUser } from "@/lib/partners/users";
import { scimListQuerySchema } from "@/lib/validations/scim";
import { ScimError, scimJson } from "./errors";
import { userFilter, userNameIs } from "./filter";
import type { ScimContext } from "./handler";
import { readScimBody } from "./handler";
import { applyPatch } from "./patch";
import { parseScimUser, toScimUser, userFields, versionOf, type UserFields } from "./user-resource";

export const LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const MAX_RESULTS = 200;
const DEFAULT_COUNT = 100;

type Ctx = ScimContext<{ partnerOrganisationId: string; id?: string }>;

function resource(ctx: Ctx, row: PartnerUserRow, status = 200): Response {
  const body = toScimUser(row, ctx.baseUrl);
  const headers: Record<string, string> = { ETag: body.meta.version };
  if (status === 201) headers.Location = body.meta.location;
  return scimJson(body, status, headers);
}

/** The partner's user `id`; another partner's user, or an id that cannot exist, is 404. */
async function load(ctx: Ctx): Promise<PartnerUserRow> {
  const id = ctx.params.id ?? "";
  if (!isId(id)) throw new ScimError(404, `User ${id.slice(0, 100)} not found.`);
  return getPartnerUser(ctx.db, ctx.actor, ctx.orgId, id);
}

/** RFC 7644 §3.14: a write with If-Match applies only to the version the directory last saw. */
function checkVersion(request: Request, row: PartnerUserRow): void {
  const wanted = request.headers.get("if-match");
  if (wanted && wanted.trim() !== "*" && !wanted.split(",").map((v) => v.trim()).includes(versionOf(row))) {
    throw new ScimError(412, "The user has changed since that version was read. Read it again, then retry.");
  }
}

/** userName names one user of the partner: its directory name, or the email when it has none. */
async function assertUserNameFree(db: Queryable, orgId: string, userName: string, exceptId?: string): Promise<void> {
  const where = and(eq(partnerUser.partnerOrgId, orgId), userNameIs(userName), exceptId ? ne(partnerUser.id, exceptId) : undefined);
  const [taken] = await db.select({ id: partnerUser.id }).from(partnerUser).where(where).limit(1);
  if (taken) throw new ScimError(409, `A user with userName "${userName}" already exists in this organisation.`, "uniqueness");
}

export async function listUsers(ctx: Ctx): Promise<Response> {
  assertCan(ctx.actor, "user:read", ctx.orgId);
  const search = new URL(ctx.request.url).searchParams;
  const parsed = scimListQuerySchema.safeParse({
    filter: search.get("filter") ?? undefined,
    startIndex: search.get("startIndex") ?? undefined,
    count: search.get("count") ?? undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ScimError(400, `${issue.path.join(".")}: ${issue.message}`, issue.path[0] === "filter" ? "invalidFilter" : "invalidValue");
  }
  // RFC 7644 §3.4.2.4: startIndex below 1 is 1; a negative count is 0.
  const startIndex = Math.max(1, parsed.data.startIndex ?? 1);
  const size = Math.min(MAX_RESULTS, Math.max(0, parsed.data.count ?? DEFAULT_COUNT));
  const filter: SQL | undefined = parsed.data.filter?.trim() ? userFilter(parsed.data.filter) : undefined;
  const where = and(eq(partnerUser.partnerOrgId, ctx.orgId), filter);
  const [{ total }] = (await ctx.db.select({ total: count() }).from(partnerUser).where(where)) as [{ total: number }];
  // The protocol pages by index: an offset, bounded by one partner's users on the (org, id) index.
  const rows = size === 0 ? [] : await ctx.db.select().from(partnerUser).where(where).orderBy(asc(partnerUser.id)).limit(size).offset(startIndex - 1);
  return scimJson({
    schemas: [LIST_RESPONSE],
    totalResults: Number(total),
    startIndex,
    itemsPerPage: rows.length,
    Resources: rows.map((r) => toScimUser(r, ctx.baseUrl)),
  });
}

export async function getUser(ctx: Ctx): Promise<Response> {
  return resource(ctx, await load(ctx));
}

export async function createUser(ctx: Ctx): Promise<Response> {
  const user = parseScimUser(await readScimBody(ctx.request));
  const fields = userFields(user);
  assertCan(ctx.actor, "user:create", ctx.orgId);
  await assertUserNameFree(ctx.db, ctx.orgId, user.userName);
  const row = await createPartnerUser(ctx.db, ctx.actor, ctx.orgId, fields);
  return resource(ctx, row, 201);
}

async function update(ctx: Ctx, row: PartnerUserRow, fields: UserFields, userName: string): Promise<Response> {
  await assertUserNameFree(ctx.db, ctx.orgId, userName, row.id);
  const { role, suspended, ...profile } = fields;
  const after = await updatePartnerUser(ctx.db, ctx.actor, ctx.orgId, row.id, {
    ...profile,
    ...(role !== undefined ? { role } : {}),
    ...(suspended !== undefined ? { suspended } : {}),
  });
  return resource(ctx, after);
}

/** PUT replaces the user: attributes left out are cleared, but role and active stay when absent. */
export async function replaceUser(ctx: Ctx): Promise<Response> {
  const body = await readScimBody(ctx.request);
  const row = await load(ctx);
  checkVersion(ctx.request, row);
  const user = parseScimUser(body);
  if (user.id !== undefined && user.id !== row.id) throw new ScimError(400, "id is read-only and must match the URL.", "mutability");
  return update(ctx, row, userFields(user), user.userName);
}

export async function patchUser(ctx: Ctx): Promise<Response> {
  const body = await readScimBody(ctx.request);
  const row = await load(ctx);
  checkVersion(ctx.request, row);
  const patched = applyPatch(toScimUser(row, ctx.baseUrl), body);
  const user = parseScimUser(patched);
  return update(ctx, row, userFields(user), user.userName);
}

/** Deletes the user (their sessions end with them). The last Admin too: the directory decides who works there. */
export async function deleteUser(ctx: Ctx): Promise<Response> {
  const row = await load(ctx);
  checkVersion(ctx.request, row);
  await deletePartnerUser(ctx.db, ctx.actor, ctx.orgId, row.id);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
