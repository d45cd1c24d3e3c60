import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import { GET as openapiRoute } from "@/app/api/openapi.json/route";
import { seed } from "./helpers/api";

type Json = any;

function resolve(doc: Json, schema: Json): Json {
  if (schema?.$ref) {
    const path = (schema.$ref as string).replace(/^#\//, "").split("/");
    const target = path.reduce((node: Json, key) => node?.[key], doc);
    assert.ok(target, `unresolved ${schema.$ref}`);
    return resolve(doc, target);
  }
  return schema;
}

/** What a response schema promises a client: types, property names, formats, enums (not prose or strictness). */
function shape(doc: Json, raw: Json): Json {
  const schema = resolve(doc, raw);
  const out: Json = {};
  if (schema.type) out.type = schema.type;
  if (schema.format) out.format = schema.format;
  if (schema.enum) out.enum = schema.enum;
  if (schema.items) out.items = shape(doc, schema.items);
  if (schema.properties) out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, shape(doc, v)]));
  return out;
}

const METHODS = ["get", "post", "put", "delete"] as const;

describe("the served OpenAPI document", () => {
  test("agrees with Limio's document for every one of its operations", async () => {
    const res = await openapiRoute();
    assert.equal(res.status, 200);
    const doc = (await res.json()) as Json;
    assert.equal(doc.openapi, "3.1.0");
    let operations = 0;
    for (const [path, item] of Object.entries<Json>(seed.paths)) {
      for (const method of METHODS) {
        const expected = item[method];
        if (!expected) continue;
        operations++;
        const actual = doc.paths[path]?.[method];
        assert.ok(actual, `${method} ${path} is documented`);
        assert.equal(actual.operationId, expected.operationId);
        const schemaOf = (d: Json, op: Json, code: string) => op.responses[code]?.content?.["application/json"]?.schema;
        assert.deepEqual(shape(doc, schemaOf(doc, actual, "200")), shape(seed, schemaOf(seed, expected, "200")), `${method} ${path}: 200 response`);
        const unauthorized = resolve(doc, actual.responses["401"]);
        assert.deepEqual(shape(doc, unauthorized.content["application/json"].schema), shape(seed, resolve(seed, expected.responses["401"]).content["application/json"].schema));
        for (const param of expected.parameters ?? []) {
          const mine = actual.parameters.find((p: Json) => p.name === param.name && p.in === param.in);
          assert.ok(mine, `${method} ${path}: parameter ${param.name}`);
          assert.equal(mine.schema.type, param.schema.type);
          assert.equal(Boolean(mine.required), Boolean(param.required));
        }
        const seedBody = expected.requestBody?.content["application/json"].schema;
        if (seedBody) {
          const body = resolve(doc, actual.requestBody.content["application/json"].schema);
          // The PUT also takes `name` (the issue asks for it); every seed field is there, with its type.
          assert.deepEqual(Object.keys(body.properties).filter((k) => k !== "name" || "name" in seedBody.properties).sort(), Object.keys(seedBody.properties).sort(), `${method} ${path}: body fields`);
          assert.deepEqual([...(body.required ?? [])].sort(), [...(seedBody.required ?? [])].sort(), `${method} ${path}: required fields`);
          for (const [k, v] of Object.entries<Json>(seedBody.properties)) {
            const types = [body.properties[k].type ?? body.properties[k].anyOf?.map((s: Json) => s.type)].flat();
            assert.ok(types.includes(v.type), `${method} ${path}: ${k} is ${v.type}`);
          }
        }
      }
    }
    assert.equal(operations, 7);
  });

  test("documents the token endpoint, and every schema compiles", async () => {
    const doc = (await (await openapiRoute()).json()) as Json;
    const token = doc.paths["/oauth/token"].post;
    assert.ok(token.requestBody.content["application/x-www-form-urlencoded"].schema.properties.grant_type);
    assert.deepEqual(Object.keys(resolve(doc, token.responses["200"].content["application/json"].schema).properties).sort(), ["access_token", "expires_in", "token_type"]);
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema({ $id: "doc", components: doc.components });
    const compile = (name: string) => ajv.compile(JSON.parse(JSON.stringify(doc.components.schemas[name]).replaceAll('"#/components/', '"doc#/components/')));
    for (const name of Object.keys(doc.components.schemas)) compile(name);
    const org = compile("PartnerOrganisation");
    const sample = { id: "x", name: "n", data: { zuoraAccountId: "z", isZuoraInvoiceOwner: true }, record_type: "partner_org", service: "s", created: "2024-01-01T00:00:00.000Z", modified: "2024-01-01T00:00:00.000Z" };
    assert.equal(org(sample), true, JSON.stringify(org.errors));
    assert.equal(org({ ...sample, data: { ...sample.data, logo: null } }), false, "null is not an absent optional field");
  });
});
