/** RFC 7644's own examples, discovery (§4), paging (§3.4.2.4) and the last-Admin rule over SCIM. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { activity, partnerUser } from "@/db/schema";
import { databaseKind } from "./helpers/db";
import { scim, setupScim } from "./helpers/scim";

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations });

describe(`SCIM: RFC 7644 examples, discovery and paging (${databaseKind})`, () => {
  let database: Database;
  let orgA: string;
  let token: string;
  let bjensen: string;
  const call = (method: string, path: string, body?: unknown) => scim(method, `${orgA}/${path}`, { token, body });
  before(async () => {
    ({ database, orgA, tokenA: token } = await setupScim());
  });
  after(async () => {
    await database.close();
  });

  test("§3.3: the creation example as written has no email, so it is refused clearly; with RFC 7643's email it is created", async () => {
    const example = { schemas: [USER], userName: "bjensen", externalId: "bjensen", name: { formatted: "Ms. Barbara J Jensen III", familyName: "Jensen", givenName: "Barbara" } };
    const refused = await call("POST", "Users", example);
    assert.equal(refused.status, 400);
    assert.equal(refused.body.scimType, "invalidValue");
    assert.match(refused.body.detail, /email/);
    const created = await call("POST", "Users", { ...example, emails: [{ value: "bjensen@example.com", type: "work", primary: true }] });
    assert.equal(created.status, 201, created.text);
    bjensen = created.body.id;
    assert.equal(created.body.userName, "bjensen");
    assert.equal(created.body.name.formatted, "Barbara Jensen", "formatted is derived from the parts");
  });

  test("§3.4.2.2: filter examples that apply to this schema", async () => {
    const hits = async (f: string) => (await call("GET", `Users?filter=${encodeURIComponent(f)}`)).body.totalResults as number;
    assert.equal(await hits('userName eq "bjensen"'), 1);
    assert.equal(await hits('userName Eq "BJENSEN"'), 1, "operators and values compare case-insensitively");
    assert.equal(await hits('urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"'), 0);
    assert.equal(await hits('userName sw "bj"'), 1);
    assert.equal(await hits('emails co "example.com"'), 1);
    assert.equal(await hits('emails[type eq "work" and value co "@example.com"]'), 1);
    assert.equal(await hits('externalId pr'), 1);
    assert.equal(await hits('userName eq "bjensen" and not (active eq false)'), 1);
    assert.equal(await hits('userName ne "bjensen"'), 0);
    assert.equal(await hits('userName eq "nobody" or externalId eq "bjensen"'), 1);
  });

  test("§3.5.2.1: add with no path (emails and nickName) keeps the primary email; nickName is not kept", async () => {
    const res = await call("PATCH", `Users/${bjensen}`, patch({ op: "add", value: { emails: [{ value: "babs@jensen.org", type: "home" }], nickName: "Babs" } }));
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.emails, [{ value: "bjensen@example.com", type: "work", primary: true }]);
  });

  test("§3.5.2.2 and §3.5.2.3: remove a sub-attribute, replace a single value", async () => {
    const removed = await call("PATCH", `Users/${bjensen}`, patch({ op: "remove", path: "name.givenName" }));
    assert.equal(removed.body.name.givenName, undefined);
    const replaced = await call("PATCH", `Users/${bjensen}`, patch({ op: "replace", path: "name.givenName", value: "Babs" }, { op: "replace", path: "displayName", value: "Babs Jensen" }));
    assert.equal(replaced.body.name.givenName, "Babs");
    assert.equal(replaced.body.displayName, "Babs Jensen");
  });

  test("attribute names are case-insensitive in bodies and paths (RFC 7643 §2.1)", async () => {
    const res = await call("PATCH", `Users/${bjensen}`, patch({ op: "Replace", path: "Name.FamilyName", value: "Jensen-Smith" }, { op: "replace", value: { DisplayName: "B. Jensen-Smith" } }));
    assert.equal(res.body.name.familyName, "Jensen-Smith");
    assert.equal(res.body.displayName, "B. Jensen-Smith");
  });

  test("§4: ServiceProviderConfig, ResourceTypes and Schemas describe what is supported", async () => {
    const spc = await call("GET", "ServiceProviderConfig");
    assert.equal(spc.status, 200);
    assert.deepEqual(spc.body.schemas, ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"]);
    assert.equal(spc.body.patch.supported, true);
    assert.equal(spc.body.bulk.supported, false);
    assert.equal(spc.body.filter.maxResults, 200);
    assert.equal(spc.body.authenticationSchemes[0].type, "oauthbearertoken");
    const types = await call("GET", "ResourceTypes");
    assert.equal(types.body.Resources[0].endpoint, "/Users");
    assert.equal((await call("GET", "ResourceTypes/User")).body.schema, USER);
    const schemas = await call("GET", "Schemas");
    const names = schemas.body.Resources[0].attributes.map((a: { name: string }) => a.name);
    assert.deepEqual(names, ["userName", "externalId", "name", "displayName", "emails", "phoneNumbers", "roles", "active", "groups"]);
    assert.deepEqual(schemas.body.Resources.map((r: { name: string }) => r.name), ["User", "Group"]);
    assert.deepEqual(types.body.Resources.map((r: { endpoint: string }) => r.endpoint), ["/Users", "/Groups"]);
    assert.equal((await call("GET", `Schemas/${USER}`)).body.id, USER);
  });

  test("§3.4.2.4: startIndex and count page the list in id order; count=0 gives the total only", async () => {
    for (let i = 0; i < 4; i++) assert.equal((await call("POST", "Users", { schemas: [USER], userName: `page${i}@example.com` })).status, 201);
    const all = (await call("GET", "Users")).body;
    assert.equal(all.totalResults, 5);
    const ids = all.Resources.map((r: { id: string }) => r.id);
    assert.deepEqual([...ids].sort(), ids);
    const page = (await call("GET", "Users?startIndex=2&count=2")).body;
    assert.deepEqual([page.startIndex, page.itemsPerPage, page.totalResults], [2, 2, 5]);
    assert.deepEqual(page.Resources.map((r: { id: string }) => r.id), ids.slice(1, 3));
    const none = (await call("GET", "Users?count=0")).body;
    assert.deepEqual([none.totalResults, none.Resources.length], [5, 0]);
    const clamped = (await call("GET", "Users?startIndex=-4&count=-1")).body;
    assert.deepEqual([clamped.startIndex, clamped.itemsPerPage], [1, 0]);
    assert.equal((await call("GET", "Users?startIndex=5&count=10")).body.itemsPerPage, 1);
  });

  test("roles set the partner role; demoting the last active Admin is refused; deactivating them is allowed and noted", async () => {
    const [admin] = await database.db.select().from(partnerUser).where(and(eq(partnerUser.partnerOrgId, orgA), eq(partnerUser.role, "admin")));
    const adminId = admin!.id;
    const demote = await call("PATCH", `Users/${adminId}`, patch({ op: "replace", path: "roles", value: [{ value: "viewer", primary: true }] }));
    assert.equal(demote.status, 409, demote.text);
    assert.match(demote.body.detail, /at least one Admin/);
    const page0 = (await call("GET", `Users?filter=${encodeURIComponent('userName eq "page0@example.com"')}`)).body.Resources[0].id as string;
    // Entra adds an app role as a new primary value beside the old one: the added one wins.
    const promote = await call("PATCH", `Users/${page0}`, patch({ op: "add", path: "roles", value: [{ value: "Admin", primary: "True" }] }));
    assert.equal(promote.status, 200, promote.text);
    assert.equal(promote.body.roles[0].value, "admin");
    const [one, two] = [adminId, promote.body.id as string];
    assert.equal((await call("PATCH", `Users/${one}`, patch({ op: "replace", value: { active: false } }))).status, 200);
    const last = await call("PATCH", `Users/${two}`, patch({ op: "replace", value: { active: false } }));
    assert.equal(last.status, 200, "a directory's deactivation always ends access, even the last Admin's");
    const [entry] = await database.db.select().from(activity).where(and(eq(activity.targetId, two), eq(activity.action, "partner_user.suspended")));
    assert.equal((entry!.change as { lastActiveAdmin?: boolean }).lastActiveAdmin, true);
    assert.equal((await call("DELETE", `Users/${two}`)).status, 204, "deleting the last Admin is allowed too");
  });
});
