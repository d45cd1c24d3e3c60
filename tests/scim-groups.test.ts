/**
 * Groups as the partner roles: Entra ID's group sequence (look up by displayName without members,
 * add a member, remove a member, rename) and Okta's push-group operations (members[value eq …],
 * replace, PUT), through the real route handlers.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { activity, partnerUser } from "@/db/schema";
import { createPartnerUser } from "@/lib/partners/users";
import { databaseKind } from "./helpers/db";
import { portalOwner, scim, setupScim } from "./helpers/scim";

const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations });

describe(`SCIM Groups: the partner roles (${databaseKind})`, () => {
  let database: Database;
  let orgA: string;
  let orgB: string;
  let token: string;
  let first: string;
  let dee: string;
  let eve: string;
  const call = (method: string, path: string, body?: unknown) => scim(method, `${orgA}/${path}`, { token, body });
  const role = async (id: string) => (await database.db.select({ role: partnerUser.role }).from(partnerUser).where(eq(partnerUser.id, id)))[0]!.role;
  before(async () => {
    ({ database, orgA, orgB, tokenA: token } = await setupScim());
    first = (await createPartnerUser(database.db, portalOwner, orgA, { email: "first@groups.example" })).id;
    dee = (await createPartnerUser(database.db, portalOwner, orgA, { email: "dee@groups.example" })).id;
    eve = (await createPartnerUser(database.db, portalOwner, orgA, { email: "eve@groups.example" })).id;
  });
  after(async () => {
    await database.close();
  });

  test("Entra: GET /Groups?excludedAttributes=members&filter=displayName eq \"Admin\" finds the role, without members", async () => {
    const res = await call("GET", `Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "Admin"')}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.totalResults, 1);
    assert.deepEqual(res.body.Resources[0].schemas, [GROUP]);
    assert.equal(res.body.Resources[0].id, "admin");
    assert.equal("members" in res.body.Resources[0], false);
    const all = await call("GET", "Groups");
    assert.deepEqual(all.body.Resources.map((g: { displayName: string }) => g.displayName), ["Viewer", "Maintainer", "Admin"]);
    assert.deepEqual(all.body.Resources[2].members.map((m: { value: string }) => m.value), [first]);
  });

  test("Entra: Add members gives the role; Remove members makes them Viewers; both audited as the token", async () => {
    const add = await call("PATCH", "Groups/maintainer", patch({ op: "Add", path: "members", value: [{ $ref: null, value: dee }, { value: eve }] }));
    assert.equal(add.status, 200, add.text);
    assert.deepEqual([await role(dee), await role(eve)], ["maintainer", "maintainer"]);
    const remove = await call("PATCH", "Groups/maintainer", patch({ op: "Remove", path: "members", value: [{ $ref: null, value: eve }] }));
    assert.equal(remove.status, 200, remove.text);
    assert.deepEqual(remove.body.members.map((m: { value: string }) => m.value), [dee]);
    assert.equal(await role(eve), "viewer");
    const entries = await database.db.select().from(activity).where(eq(activity.targetId, eve));
    assert.ok(entries.some((e) => e.action === "partner_user.role_changed" && e.actorKind === "scim_token"));
  });

  test("Entra: renaming a group is refused (mutability); creating one is refused with what to do instead", async () => {
    const rename = await call("PATCH", "Groups/admin", patch({ op: "Replace", path: "displayName", value: "1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName" }));
    assert.equal(rename.status, 400);
    assert.equal(rename.body.scimType, "mutability");
    const sameName = await call("PATCH", "Groups/admin", patch({ op: "replace", value: { id: "admin", displayName: "Admin" } }));
    assert.equal(sameName.status, 200, "Okta's replace with the same name changes nothing");
    const exists = await call("POST", "Groups", { schemas: [GROUP], displayName: "admin", members: [] });
    assert.equal(exists.status, 409);
    assert.equal(exists.body.scimType, "uniqueness");
    const other = await call("POST", "Groups", { schemas: [GROUP], displayName: "Test SCIMv2", members: [] });
    assert.equal(other.status, 400);
    assert.match(other.body.detail, /Viewer, Maintainer and Admin/);
  });

  test("Okta: add to Admin, remove with members[value eq \"…\"], the last Admin cannot be removed", async () => {
    assert.equal((await call("PATCH", "Groups/admin", patch({ op: "add", path: "members", value: [{ value: dee, display: "dee@groups.example" }] }))).status, 200);
    assert.equal(await role(dee), "admin");
    const out = await call("PATCH", "Groups/admin", patch({ op: "remove", path: `members[value eq "${first}"]` }));
    assert.equal(out.status, 200, out.text);
    assert.equal(await role(first), "viewer");
    const last = await call("PATCH", "Groups/admin", patch({ op: "remove", path: `members[value eq "${dee}"]` }));
    assert.equal(last.status, 409);
    assert.match(last.body.detail, /at least one Admin/);
    assert.equal(await role(dee), "admin");
  });

  test("PUT and replace set the whole member list; another partner's user is refused", async () => {
    const put = await call("PUT", "Groups/admin", { schemas: [GROUP], displayName: "Admin", members: [{ value: first }] });
    assert.equal(put.status, 200, put.text);
    assert.deepEqual([await role(first), await role(dee)], ["admin", "viewer"]);
    const replace = await call("PATCH", "Groups/maintainer", patch({ op: "replace", path: "members", value: [{ value: eve }] }));
    assert.equal(replace.status, 200);
    assert.equal(await role(eve), "maintainer");
    const outsider = (await createPartnerUser(database.db, portalOwner, orgB, { email: "b@groups.example" })).id;
    const refused = await call("PATCH", "Groups/admin", patch({ op: "add", path: "members", value: [{ value: outsider }] }));
    assert.equal(refused.status, 400);
    assert.equal(refused.body.scimType, "invalidValue");
    assert.equal(await role(outsider), "admin", "the other partner's user is untouched");
  });

  test("a user's groups show their role; bad group requests are clear errors", async () => {
    const user = await call("GET", `Users/${eve}`);
    assert.deepEqual(user.body.groups.map((g: { value: string }) => g.value), ["maintainer"]);
    assert.equal((await call("GET", `Groups?filter=${encodeURIComponent('members eq "x"')}`)).body.scimType, "invalidFilter");
    assert.equal((await call("PATCH", "Groups/admin", patch({ op: "add", path: "members", value: [{ value: "nope" }] }))).status, 400);
    assert.equal((await call("PATCH", "Groups/admin", patch({ op: "replace", path: "externalId", value: "x" }))).body.scimType, "invalidPath");
    assert.equal((await scim("GET", `${orgA}/Groups`, { token: null })).status, 401);
  });
});
