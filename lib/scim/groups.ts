import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { partnerUser, type PartnerRole } from "@/db/schema";
import { assertCan } from "@/lib/auth/policy";
import { isId } from "@/lib/ids";
import { updatePartnerUser } from "@/lib/partners/user-update";
import { partnerRoleValues } from "@/lib/validations/partner-user";
import { scimPatchSchema } from "@/lib/validations/scim";
import { ScimError, scimJson } from "./errors";
import type { ScimContext } from "./handler";
import { readScimBody } from "./handler";
import { ROLE_DISPLAY } from "./user-resource";
import { LIST_RESPONSE } from "./users";

/**
 * Groups are the partner roles (Viewer, Maintainer, Admin): fixed, one per role. A member of a
 * group has that role; adding a user to a group gives them its role, removing them makes them a
 * Viewer. The directory links its groups to these by name; it cannot create, rename or delete them.
 */
export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const GROUP_NAME = ROLE_DISPLAY;
const FIXED = "Groups here are the partner roles Viewer, Maintainer and Admin: link the directory's groups to them by name.";

type Ctx = ScimContext<{ partnerOrganisationId: string; id?: string }>;

const roleOf = (id: string | undefined): PartnerRole => {
  const role = partnerRoleValues.find((r) => r === id);
  if (!role) throw new ScimError(404, `Group ${String(id).slice(0, 100)} not found. ${FIXED}`);
  return role;
};

async function group(ctx: Ctx, role: PartnerRole, withMembers: boolean) {
  const members = withMembers
    ? await ctx.db
        .select({ id: partnerUser.id, email: partnerUser.email })
        .from(partnerUser)
        .where(and(eq(partnerUser.partnerOrgId, ctx.orgId), eq(partnerUser.role, role)))
        .orderBy(asc(partnerUser.id))
    : [];
  return {
    schemas: [GROUP_SCHEMA],
    id: role,
    displayName: GROUP_NAME[role],
    ...(withMembers ? { members: members.map((m) => ({ value: m.id, display: m.email, $ref: `${ctx.baseUrl}/Users/${m.id}` })) } : {}),
    meta: { resourceType: "Group", location: `${ctx.baseUrl}/Groups/${role}` },
  };
}

const wantsMembers = (request: Request) => !/(^|,)\s*members\s*(,|$)/i.test(new URL(request.url).searchParams.get("excludedAttributes") ?? "");

/** The groups, filtered by `displayName eq` or `id eq` (what Entra and Okta look groups up by). */
export async function listGroups(ctx: Ctx): Promise<Response> {
  assertCan(ctx.actor, "user:read", ctx.orgId);
  const filter = new URL(ctx.request.url).searchParams.get("filter")?.trim();
  let roles = [...partnerRoleValues];
  if (filter) {
    const m = /^(displayName|id)\s+eq\s+"((?:[^"\\]|\\.)*)"$/i.exec(filter);
    if (!m) throw new ScimError(400, 'Groups can be filtered by displayName eq "…" or id eq "…" only.', "invalidFilter");
    const value = JSON.parse(`"${m[2]}"`) as string;
    roles = roles.filter((r) => (m[1]!.toLowerCase() === "id" ? r === value : GROUP_NAME[r].toLowerCase() === value.toLowerCase()));
  }
  const resources = await Promise.all(roles.map((r) => group(ctx, r, wantsMembers(ctx.request))));
  return scimJson({ schemas: [LIST_RESPONSE], totalResults: resources.length, startIndex: 1, itemsPerPage: resources.length, Resources: resources });
}

export async function getGroup(ctx: Ctx): Promise<Response> {
  assertCan(ctx.actor, "user:read", ctx.orgId);
  return scimJson(await group(ctx, roleOf(ctx.params.id), wantsMembers(ctx.request)));
}

/** A new group cannot be made: the answer tells the directory's admin what to do instead. */
export async function createGroup(ctx: Ctx): Promise<Response> {
  assertCan(ctx.actor, "user:read", ctx.orgId);
  const body = await readScimBody(ctx.request);
  const name = typeof body.displayName === "string" ? body.displayName.trim().toLowerCase() : "";
  const existing = partnerRoleValues.find((r) => GROUP_NAME[r].toLowerCase() === name);
  if (existing) throw new ScimError(409, `The group ${GROUP_NAME[existing]} exists (id "${existing}"). ${FIXED}`, "uniqueness");
  throw new ScimError(400, FIXED, "invalidValue");
}

/** The ids in a members value ([{ value }]) or a `members[value eq "…"]` path; each must be this partner's user. */
async function memberIds(ctx: Ctx, path: string | undefined, value: unknown): Promise<string[]> {
  const fromPath = path ? /^members\[\s*value\s+eq\s+"([^"]+)"\s*\]$/i.exec(path)?.[1] : undefined;
  const ids = fromPath ? [fromPath] : Array.isArray(value) ? value.map((v) => (v && typeof v === "object" ? (v as { value?: unknown }).value : undefined)) : [];
  if (ids.length === 0 || ids.some((id) => typeof id !== "string" || !isId(id))) throw new ScimError(400, 'members must be a list of { "value": "<user id>" }.', "invalidValue");
  const found = await ctx.db
    .select({ id: partnerUser.id })
    .from(partnerUser)
    .where(and(eq(partnerUser.partnerOrgId, ctx.orgId), inArray(partnerUser.id, ids as string[])));
  const known = new Set(found.map((r) => r.id));
  const unknown = (ids as string[]).find((id) => !known.has(id));
  if (unknown) throw new ScimError(400, `User ${unknown} is not a user of this organisation.`, "invalidValue");
  return [...new Set(ids as string[])];
}

/** Gives `role` to `add` and Viewer to `remove` (those who hold `role`), each through the domain. */
async function apply(ctx: Ctx, role: PartnerRole, add: string[], remove: string[]): Promise<void> {
  for (const id of add) await updatePartnerUser(ctx.db, ctx.actor, ctx.orgId, id, { role });
  if (role === "viewer") return; // leaving Viewer leaves a user with no other role: they stay a Viewer
  for (const id of remove) {
    const [row] = await ctx.db.select({ role: partnerUser.role }).from(partnerUser).where(eq(partnerUser.id, id));
    if (row?.role === role) await updatePartnerUser(ctx.db, ctx.actor, ctx.orgId, id, { role: "viewer" });
  }
}

async function currentMembers(ctx: Ctx, role: PartnerRole): Promise<string[]> {
  const rows = await ctx.db.select({ id: partnerUser.id }).from(partnerUser).where(and(eq(partnerUser.partnerOrgId, ctx.orgId), eq(partnerUser.role, role)));
  return rows.map((r) => r.id);
}

function assertName(role: PartnerRole, name: unknown): void {
  if (name !== undefined && (typeof name !== "string" || name.trim().toLowerCase() !== GROUP_NAME[role].toLowerCase())) {
    throw new ScimError(400, `The group ${GROUP_NAME[role]} cannot be renamed. ${FIXED}`, "mutability");
  }
}

/** Okta's and Entra's member operations: add, remove (by value list or `members[value eq …]`), replace. */
export async function patchGroup(ctx: Ctx): Promise<Response> {
  const role = roleOf(ctx.params.id);
  assertCan(ctx.actor, "user:role", ctx.orgId);
  const parsed = scimPatchSchema.safeParse(await readScimBody(ctx.request));
  if (!parsed.success) throw new ScimError(400, `${parsed.error.issues[0]!.path.join(".") || "body"}: ${parsed.error.issues[0]!.message}`, "invalidSyntax");
  for (const op of parsed.data.Operations) {
    const path = op.path?.trim();
    const whole = path?.toLowerCase() === "members";
    if (!path) {
      const value = (op.value ?? {}) as Record<string, unknown>;
      assertName(role, value.displayName);
      if (Array.isArray(value.members)) await replaceMembers(ctx, role, await memberIds(ctx, undefined, value.members));
      continue;
    }
    if (/^displayName$/i.test(path)) {
      assertName(role, op.value);
      continue;
    }
    if (!/^members(\[|$)/i.test(path)) throw new ScimError(400, `"${path}" cannot be changed on a group; only members.`, "invalidPath");
    if (op.op === "replace") await replaceMembers(ctx, role, await memberIds(ctx, undefined, op.value));
    else if (op.op === "add") await apply(ctx, role, await memberIds(ctx, whole ? undefined : path, op.value), []);
    else if (whole && op.value === undefined) await apply(ctx, role, [], await currentMembers(ctx, role));
    else await apply(ctx, role, [], await memberIds(ctx, whole ? undefined : path, op.value));
  }
  return scimJson(await group(ctx, role, wantsMembers(ctx.request)));
}

async function replaceMembers(ctx: Ctx, role: PartnerRole, ids: string[]): Promise<void> {
  const keep = new Set(ids);
  await apply(ctx, role, ids, (await currentMembers(ctx, role)).filter((id) => !keep.has(id)));
}

/** PUT: the group's whole member list. */
export async function replaceGroup(ctx: Ctx): Promise<Response> {
  const role = roleOf(ctx.params.id);
  assertCan(ctx.actor, "user:role", ctx.orgId);
  const body = await readScimBody(ctx.request);
  assertName(role, body.displayName);
  const members = Array.isArray(body.members) && body.members.length ? await memberIds(ctx, undefined, body.members) : [];
  await replaceMembers(ctx, role, members);
  return scimJson(await group(ctx, role, true));
}
