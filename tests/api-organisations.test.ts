import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { activity, customerOrg, partnerUser } from "@/db/schema";
import { GET as openapiRoute } from "@/app/api/openapi.json/route";
import { GET as listOrganisations, POST as createOrganisation } from "@/app/api/partner-management/partner-organisation/[partnerOrganisationId]/organisations/route";
import { DELETE as deleteOrganisation, GET as getOrganisation, PUT as putOrganisation } from "@/app/api/partner-management/organisation/[organisationId]/route";
import { PUT as moveUser } from "@/app/api/partner-management/partner-organisation/[partnerOrganisationId]/[partnerUserId]/route";
import { systemActor } from "@/lib/auth/actor";
import { createPartnerOrg } from "@/lib/partners/orgs";
import { createPartnerUser } from "@/lib/partners/users";
import { databaseKind } from "./helpers/db";
import { call, seed, setupApi } from "./helpers/api";

const BASE = "/partner-management";

describe(`REST API: customer organisations and moves (${databaseKind})`, () => {
  let database: Database;
  let token: string;
  let doc: any;
  let a: { id: string };
  let b: { id: string };
  const ajv = new Ajv2020({ strict: false });
  before(async () => {
    ({ database, token } = await setupApi());
    doc = await (await openapiRoute()).json();
    ajv.addSchema({ $id: "doc", components: doc.components });
    a = await createPartnerOrg(database.db, systemActor, { name: "API Partner A", zuoraAccountId: "ZA", invoiceOwner: "partner" });
    b = await createPartnerOrg(database.db, systemActor, { name: "API Partner B", zuoraAccountId: "ZB", invoiceOwner: "partner" });
  });
  after(async () => {
    await database.close();
  });

  /** Every 200 body matches the served document's own schema of that operation. */
  const matchesDoc = (path: string, method: string, body: unknown) => {
    const schema = JSON.parse(JSON.stringify(doc.paths[path][method].responses["200"].content["application/json"].schema).replaceAll('"#/components', '"doc#/components'));
    const validate = ajv.compile(schema);
    assert.ok(validate(body), `${method} ${path}: ${ajv.errorsText(validate.errors)}`);
  };
  const LIST = `${BASE}/partner-organisation/{partnerOrganisationId}/organisations`;
  const ONE = `${BASE}/organisation/{organisationId}`;
  const create = async (partnerId: string, body: unknown) =>
    call(createOrganisation, { method: "POST", path: `${BASE}/partner-organisation/${partnerId}/organisations`, token, body, params: { partnerOrganisationId: partnerId } });
  const one = (route: typeof getOrganisation, method: string, id: string, body?: unknown) =>
    call(route, { method, path: `${BASE}/organisation/${id}`, token, body, params: { organisationId: id } });

  test("documented under their own tag; the seed's operations are untouched", () => {
    assert.ok(doc.tags.some((t: any) => t.name === "Customer Organisations"));
    const ops = [doc.paths[LIST].get, doc.paths[LIST].post, doc.paths[ONE].get, doc.paths[ONE].put, doc.paths[ONE].delete, doc.paths[`${BASE}/partner-organisation/{partnerOrganisationId}/{partnerUserId}`].put];
    assert.deepEqual(ops.map((o) => o.operationId), ["getOrganisationsForPartner", "createOrganisationForPartner", "getOrganisation", "updateOrganisation", "deleteOrganisation", "movePartnerUser"]);
    for (const o of ops) assert.deepEqual(o.tags, ["Customer Organisations"]);
    assert.equal(doc.paths[ONE].put.requestBody.content["application/json"].schema.properties.partnerOrganisationId.anyOf.length, 2);
  });

  test("create and read: the documented shape, IDs left out when empty, errors as { message }", async () => {
    const res = await create(a.id, { name: " Globex ", salesforceAccountId: "001000000000001AAA" });
    assert.equal(res.status, 200, res.text);
    matchesDoc(LIST, "post", res.body);
    assert.deepEqual([res.body.name, res.body.partner_org, res.body.record_type, res.body.data], ["Globex", a.id, "organisation", { salesforceAccountId: "001000000000001AAA" }]);
    const got = await one(getOrganisation, "GET", res.body.id);
    matchesDoc(ONE, "get", got.body);
    assert.deepEqual(got.body, res.body);
    const [entry] = await database.db.select().from(activity).where(eq(activity.targetId, res.body.id));
    assert.deepEqual([entry!.action, entry!.actorKind, entry!.partnerOrgId], ["organisation.created", "api_client", a.id]);

    const bad = await create(a.id, { name: "x", salesforceAccountId: "001000000000001AAB" });
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /salesforceAccountId/);
    assert.equal((await create(a.id, {})).status, 400);
    assert.deepEqual((await create("no-such-partner", { name: "x" })).body, { message: "Partner organisation not found." });
    assert.equal((await one(getOrganisation, "GET", "not a valid id!")).status, 404);
    assert.deepEqual((await one(getOrganisation, "GET", "missing")).body, { message: "Organisation not found." });
    const anonymous = await call(getOrganisation, { path: `${BASE}/organisation/${res.body.id}`, params: { organisationId: res.body.id } });
    assert.equal(anonymous.status, 401);
  });

  test("the list pages with limit and queryMore, like the seed's lists", async () => {
    const p = await createPartnerOrg(database.db, systemActor, { name: "Lister", zuoraAccountId: "ZL", invoiceOwner: "partner" });
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await create(p.id, { name: `Listed ${i}` })).body.id);
    const page = (q: string) => call(listOrganisations, { path: `${BASE}/partner-organisation/${p.id}/organisations${q}`, token, params: { partnerOrganisationId: p.id } });
    const first = await page("?limit=2");
    matchesDoc(LIST, "get", first.body);
    const second = await page(`?limit=2&queryMore=${first.body.queryMore}`);
    assert.deepEqual([...first.body.items, ...second.body.items].map((o: any) => o.id), ids.sort());
    assert.equal(second.body.queryMore, undefined);
    assert.equal((await page("?limit=0")).status, 400);
    assert.equal((await page("?queryMore=%%%")).status, 400);
  });

  test("PUT edits and moves in one transaction; null moves to No partner; a bad target changes nothing", async () => {
    const o = (await create(a.id, { name: "Mobile", zuoraAccountId: "Z-M" })).body;
    const moved = await one(putOrganisation, "PUT", o.id, { name: "Mobile Ltd", zuoraAccountId: null, partnerOrganisationId: b.id });
    assert.equal(moved.status, 200, moved.text);
    matchesDoc(ONE, "put", moved.body);
    assert.deepEqual([moved.body.name, moved.body.data, moved.body.partner_org], ["Mobile Ltd", {}, b.id]);
    const failed = await one(putOrganisation, "PUT", o.id, { name: "Never", partnerOrganisationId: "no-such-partner" });
    assert.deepEqual([failed.status, failed.body], [404, { message: "Partner organisation not found." }]);
    const [row] = await database.db.select().from(customerOrg).where(eq(customerOrg.id, o.id));
    assert.deepEqual([row!.name, row!.partnerOrgId], ["Mobile Ltd", b.id]);
    assert.equal((await one(putOrganisation, "PUT", o.id, { partnerOrganisationId: null })).body.partner_org, null);
    assert.equal((await one(putOrganisation, "PUT", o.id, { partnerOrganisationId: 42 })).status, 400);
    const gone = await one(deleteOrganisation, "DELETE", o.id);
    assert.deepEqual([gone.status, gone.body], [200, { success: true }]);
    assert.equal((await one(deleteOrganisation, "DELETE", o.id)).status, 404);
  });

  test("PUT a partner user moves them to another partner: the seed's PartnerUser back, sessions ended", async () => {
    const user = await createPartnerUser(database.db, systemActor, a.id, { email: "mover@api.example" });
    const put = (from: string, body: unknown) =>
      call(moveUser, { method: "PUT", path: `${BASE}/partner-organisation/${from}/${user.id}`, token, body, params: { partnerOrganisationId: from, partnerUserId: user.id } });
    const res = await put(a.id, { partnerOrganisationId: b.id, role: "maintainer" });
    assert.equal(res.status, 200, res.text);
    const validate = new Ajv2020({ strict: false }).addSchema({ $id: "seed", components: seed.components }).compile({ $ref: "seed#/components/schemas/PartnerUser" });
    const body: any = res.body;
    assert.ok(validate(body), JSON.stringify(validate.errors));
    assert.equal(res.body.partner_org, b.id);
    const [row] = await database.db.select().from(partnerUser).where(eq(partnerUser.id, user.id));
    assert.deepEqual([row!.role, row!.sessionVersion], ["maintainer", user.sessionVersion + 1]);
    assert.equal((await put(a.id, { partnerOrganisationId: b.id })).status, 404);
    assert.equal((await put(b.id, { partnerOrganisationId: b.id })).status, 400);
    assert.equal((await put(b.id, { partnerOrganisationId: a.id, role: "owner" })).status, 400);
    assert.equal((await put(b.id, {})).status, 400);
  });
});
