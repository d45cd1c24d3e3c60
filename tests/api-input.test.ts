import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { count } from "drizzle-orm";
import fc from "fast-check";
import type { Database } from "@/db";
import { setDatabaseForTests } from "@/db";
import { activity, partnerOrg, partnerUser } from "@/db/schema";
import { GET as listOrgs } from "@/app/api/partner-management/partner-organisations/route";
import { POST as createOrg } from "@/app/api/partner-management/partner-organisation/route";
import { POST as createUser, PUT as updateOrg } from "@/app/api/partner-management/partner-organisation/[partnerOrganisationId]/route";
import { createOrgBodySchema, createUserBodySchema, updateOrgBodySchema } from "@/lib/validations/api";
import { databaseKind, freshDatabase } from "./helpers/db";
import { call, setupApi } from "./helpers/api";

describe(`REST API bad input (${databaseKind})`, () => {
  let database: Database;
  let token: string;
  let orgId: string;
  before(async () => {
    ({ database, token } = await setupApi());
    const res = await call(createOrg, { method: "POST", token, body: { name: "Target", zuoraAccountId: "T-1", isZuoraInvoiceOwner: true } });
    orgId = res.body.id;
  });
  after(async () => {
    await database.close();
  });

  const counts = async () => {
    const n = async (t: typeof partnerOrg | typeof partnerUser | typeof activity) =>
      Number(((await database.db.select({ n: count() }).from(t)) as [{ n: number }])[0].n);
    return { orgs: await n(partnerOrg), users: await n(partnerUser), activity: await n(activity) };
  };
  const assertCleanError = (res: { status: number; body: any; text: string }, label: string) => {
    assert.equal(typeof res.body?.message, "string", `${label}: ${res.text}`);
    assert.doesNotMatch(res.text, /\bat \S+ \(|node_modules|select |insert |update |PostgresError|drizzle/i, label);
  };

  const VALID = { name: "Valid", zuoraAccountId: "V-1", isZuoraInvoiceOwner: true };
  const BAD_ORG_BODIES: [string, string][] = [
    ["malformed JSON", "{"],
    ["trailing garbage", '{"name":"x"} x'],
    ["empty body", ""],
    ["array", "[]"],
    ["null", "null"],
    ["string", '"name"'],
    ["number", "42"],
    ["missing name", JSON.stringify({ zuoraAccountId: "Z", isZuoraInvoiceOwner: true })],
    ["missing zuoraAccountId", JSON.stringify({ name: "N", isZuoraInvoiceOwner: true })],
    ["missing isZuoraInvoiceOwner", JSON.stringify({ name: "N", zuoraAccountId: "Z" })],
    ["blank name", JSON.stringify({ ...VALID, name: "   " })],
    ["name too long", JSON.stringify({ ...VALID, name: "n".repeat(201) })],
    ["name a number", JSON.stringify({ ...VALID, name: 5 })],
    ["isZuoraInvoiceOwner a string", JSON.stringify({ ...VALID, isZuoraInvoiceOwner: "true" })],
    ["zuoraAccountId with spaces", JSON.stringify({ ...VALID, zuoraAccountId: "A 1" })],
    ["javascript: logo", JSON.stringify({ ...VALID, logo: "javascript:alert(1)" })],
    ["ftp logo", JSON.stringify({ ...VALID, logo: "ftp://example.com/a.png" })],
    ["relative logo", JSON.stringify({ ...VALID, logo: "/a.png" })],
    ["logo null on create", JSON.stringify({ ...VALID, logo: null })],
    ["bad salesforce id", JSON.stringify({ ...VALID, salesforceAccountId: "nope" })],
    ["NUL in name", JSON.stringify({ ...VALID, name: "a\u0000b" })],
    ["replacement character, not JSON", "\uFFFD"],
  ];

  test("invalid bodies are 400 with a message (and field errors), and nothing is written", async () => {
    const start = await counts();
    for (const [label, raw] of BAD_ORG_BODIES) {
      const res = await call(createOrg, { method: "POST", token, rawBody: raw });
      assert.equal(res.status, 400, `${label}: ${res.text}`);
      assertCleanError(res, label);
    }
    const missing = await call(createOrg, { method: "POST", token, body: { name: "N", zuoraAccountId: "Z" } });
    assert.deepEqual(Object.keys(missing.body.errors), ["isZuoraInvoiceOwner"]);
    const logo = await call(createOrg, { method: "POST", token, body: { ...VALID, logo: "javascript:alert(1)" } });
    assert.deepEqual(logo.body.errors, { logo: ["Logo must be an http:// or https:// URL."] });
    for (const [label, body] of [
      ["blank name", { name: "" }],
      ["logo not a URL", { logo: "data:image/png;base64,AAAA" }],
      ["boolean as number", { isZuoraInvoiceOwner: 1 }],
      ["zuoraAccountId null", { zuoraAccountId: null }],
    ] as const) {
      const res = await call(updateOrg, { method: "PUT", token, body, params: { partnerOrganisationId: orgId } });
      assert.equal(res.status, 400, label);
      assertCleanError(res, label);
    }
    for (const body of [{}, { email: "" }, { email: "not-an-email" }, { email: 42 }, { email: "a@b.c\u0000" }]) {
      const res = await call(createUser, { method: "POST", token, body, params: { partnerOrganisationId: orgId } });
      assert.equal(res.status, 400, JSON.stringify(body));
      assertCleanError(res, JSON.stringify(body));
    }
    assert.deepEqual(await counts(), start);
  });

  test("bodies over 64 KB are refused with 413, whether declared or streamed", async () => {
    const start = await counts();
    const big = JSON.stringify({ ...VALID, name: "x", pad: "p".repeat(70_000) });
    const declared = await call(createOrg, { method: "POST", token, rawBody: big });
    assert.equal(declared.status, 413);
    assertCleanError(declared, "declared");
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode(" ".repeat(8192)));
        controller.close();
      },
    });
    const res = await createOrg(
      new Request("http://localhost/api/x", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: stream, duplex: "half" } as RequestInit),
      { params: Promise.resolve({}) },
    );
    assert.equal(res.status, 413);
    assert.deepEqual(await counts(), start);
  });

  test("property: random bodies never give a 500, and write only when the schema accepts them", async () => {
    const value = fc.oneof(
      fc.string(),
      fc.constantFrom("", " ", "https://example.com/l.png", "javascript:x", "a@example.com", "001000000000001AAA", "A-1", "\u0000"),
      fc.boolean(),
      fc.integer(),
      fc.double(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
    );
    const body = fc.oneof(
      fc.record(
        { name: value, zuoraAccountId: value, isZuoraInvoiceOwner: value, salesforceAccountId: value, logo: value, email: value },
        { requiredKeys: [] },
      ),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string(),
      fc.anything().map((v) => {
        try {
          return JSON.stringify(v) ?? "";
        } catch {
          return "";
        }
      }),
    );
    const targets = [
      { name: "create org", route: createOrg, method: "POST", schema: createOrgBodySchema, writes: "orgs" as const },
      { name: "update org", route: updateOrg, method: "PUT", schema: updateOrgBodySchema, writes: null },
      { name: "create user", route: createUser, method: "POST", schema: createUserBodySchema, writes: "users" as const },
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), body, async (target, input) => {
        const raw = typeof input === "string" ? input : JSON.stringify(input);
        let parsed: unknown;
        try {
          parsed = JSON.parse(raw);
        } catch {
          parsed = undefined;
        }
        const isObject = typeof parsed === "object" && parsed !== null && !Array.isArray(parsed);
        const hasNul = raw.includes("\\u0000");
        const accepted = isObject && !hasNul && target.schema.safeParse(parsed).success;
        const before = await counts();
        const res = await call(target.route, { method: target.method, token, rawBody: raw, params: { partnerOrganisationId: orgId } });
        const afterwards = await counts();
        assert.notEqual(res.status, 500, `${target.name} ${raw}: ${res.text}`);
        if (res.status !== 200) {
          assertCleanError(res, raw);
          if (target.writes) assert.deepEqual(afterwards, before, `${target.name} wrote on ${res.status}: ${raw}`);
          // A valid body may still be refused by a domain rule (a taken email); never an invalid one accepted.
          assert.ok(!accepted || res.status === 409, `${target.name} refused a valid body with ${res.status}: ${raw} ${res.text}`);
        } else {
          assert.ok(accepted, `${target.name} accepted an invalid body: ${raw}`);
          if (target.writes) assert.equal(afterwards[target.writes], before[target.writes] + 1);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("a database outage is 503 with a message, not a 500", async () => {
    const broken = await freshDatabase();
    await broken.close();
    setDatabaseForTests(broken);
    try {
      const res = await call(listOrgs, { token });
      assert.equal(res.status, 503);
      assertCleanError(res, "outage");
      assert.equal(res.headers.get("retry-after"), "5");
    } finally {
      setDatabaseForTests(database);
    }
  });
});
