/**
 * The requests Microsoft Entra ID's provisioning service sends, as the tutorial "Develop and plan
 * provisioning for a SCIM endpoint" shows them (its User operations, in order), plus the forms it
 * is known to send beside them: "False" strings, "Add" on emails[type eq "work"].value, extensions.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { activity, partnerUser } from "@/db/schema";
import { databaseKind } from "./helpers/db";
import { scim, setupScim } from "./helpers/scim";

const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations });

describe(`SCIM: the Microsoft Entra ID sequence (${databaseKind})`, () => {
  let database: Database;
  let orgA: string;
  let token: string;
  let id: string;
  const userName = "Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1";
  const filter = (f: string) => scim("GET", `${orgA}/Users?filter=${encodeURIComponent(f)}`, { token });
  const row = async () => (await database.db.select().from(partnerUser).where(eq(partnerUser.id, id)))[0]!;
  before(async () => {
    ({ database, orgA, tokenA: token } = await setupScim());
  });
  after(async () => {
    await database.close();
  });

  test("Get User by query, zero results: an empty ListResponse", async () => {
    const res = await filter(`userName eq "${userName}"`);
    assert.equal(res.status, 200);
    assert.equal(res.body.totalResults, 0);
    assert.deepEqual(res.body.Resources, []);
  });

  test("Create User: Entra's body (enterprise schema, meta, roles: []) is 201; userName that is not the email is kept apart", async () => {
    const res = await scim("POST", `${orgA}/Users`, {
      token,
      body: {
        schemas: [USER, ENTERPRISE],
        externalId: "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
        userName,
        active: true,
        emails: [{ primary: true, type: "work", value: "Test_User_fd0ea19b-0777-472c-9f96-4f70d2226f2e@testuser.com" }],
        meta: { resourceType: "User" },
        name: { formatted: "givenName familyName", familyName: "familyName", givenName: "givenName" },
        roles: [],
      },
    });
    assert.equal(res.status, 201, res.text);
    id = res.body.id;
    assert.equal(res.body.userName, userName);
    assert.equal(res.body.emails[0].value, "Test_User_fd0ea19b-0777-472c-9f96-4f70d2226f2e@testuser.com");
    assert.equal(res.body.externalId, "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef");
    const r = await row();
    assert.equal(r.email, "Test_User_fd0ea19b-0777-472c-9f96-4f70d2226f2e@testuser.com");
    assert.equal(r.directoryUserName, userName);
  });

  test("Get User, and Get User by query (userName and externalId)", async () => {
    const one = await scim("GET", `${orgA}/Users/${id}`, { token });
    assert.equal(one.body.id, id);
    for (const f of [`userName eq "${userName}"`, `externalId eq "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"`, `emails[type eq "work" and value eq "test_user_fd0ea19b-0777-472c-9f96-4f70d2226f2e@testuser.com"]`]) {
      const res = await filter(f);
      assert.equal(res.body.totalResults, 1, f);
      assert.equal(res.body.Resources[0].id, id, f);
    }
  });

  test("Update User [multi-valued properties]: Replace emails[type eq \"work\"].value and name.familyName", async () => {
    const res = await scim("PATCH", `${orgA}/Users/${id}`, {
      token,
      body: patch(
        { op: "Replace", path: 'emails[type eq "work"].value', value: "updatedEmail@microsoft.com" },
        { op: "Replace", path: "name.familyName", value: "updatedFamilyName" },
      ),
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.emails[0].value, "updatedEmail@microsoft.com");
    assert.equal(res.body.name.familyName, "updatedFamilyName");
    assert.equal(res.body.userName, userName, "userName is untouched");
    assert.equal((await row()).email, "updatedEmail@microsoft.com");
  });

  test("Update User [single-valued properties]: Replace userName", async () => {
    const res = await scim("PATCH", `${orgA}/Users/${id}`, {
      token,
      body: patch({ op: "Replace", path: "userName", value: "5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com" }),
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.userName, "5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com");
    assert.equal((await row()).email, "updatedEmail@microsoft.com", "the email stays: userName is the directory's sign-in name");
  });

  test("what Entra also sends: Add on emails[type eq \"work\"].value, the enterprise manager, a title", async () => {
    const res = await scim("PATCH", `${orgA}/Users/${id}`, {
      token,
      body: patch(
        { op: "Add", path: 'emails[type eq "work"].value', value: "added@microsoft.com" },
        { op: "Add", path: `${ENTERPRISE}:manager`, value: "a-manager-id" },
        { op: "Replace", path: "title", value: "tester" },
        { op: "Add", path: "name.givenName", value: "Given" },
      ),
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.emails[0].value, "added@microsoft.com");
    assert.equal(res.body.name.givenName, "Given");
    assert.equal("title" in res.body, false, "attributes this app does not keep are accepted and not stored");
  });

  test('Disable User: Replace active with the string "False" (Entra\'s default), then "True"', async () => {
    const sv = (await row()).sessionVersion;
    const off = await scim("PATCH", `${orgA}/Users/${id}`, { token, body: patch({ op: "Replace", path: "active", value: "False" }) });
    assert.equal(off.status, 200, off.text);
    assert.equal(off.body.active, false);
    assert.ok((await row()).suspendedAt);
    assert.equal((await row()).sessionVersion, sv + 1);
    const found = await filter(`userName eq "5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com"`);
    assert.equal(found.body.Resources[0].active, false);
    const on = await scim("PATCH", `${orgA}/Users/${id}`, { token, body: patch({ op: "Replace", path: "active", value: "True" }) });
    assert.equal(on.body.active, true);
    assert.equal((await row()).suspendedAt, null);
  });

  test("Disable User with a boolean (Entra with the SCIM-compliant flag)", async () => {
    const off = await scim("PATCH", `${orgA}/Users/${id}`, { token, body: patch({ op: "replace", path: "active", value: false }) });
    assert.equal(off.body.active, false);
  });

  test("Delete User: 204, then 404; every change was audited as the SCIM token", async () => {
    const res = await scim("DELETE", `${orgA}/Users/${id}`, { token });
    assert.equal(res.status, 204);
    assert.equal((await scim("GET", `${orgA}/Users/${id}`, { token })).status, 404);
    const entries = await database.db.select().from(activity).where(eq(activity.targetId, id));
    const actions = entries.map((e) => e.action);
    for (const a of ["partner_user.created", "partner_user.updated", "partner_user.suspended", "partner_user.restored", "partner_user.deleted"]) {
      assert.ok(actions.includes(a), a);
    }
    const byToken = entries.filter((e) => e.action !== "invitation.sent");
    assert.ok(byToken.every((e) => e.actorKind === "scim_token" && e.partnerOrgId === orgA));
  });
});
