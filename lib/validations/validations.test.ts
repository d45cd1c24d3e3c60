import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { isValidSalesforceId, salesforceChecksum } from "@/lib/salesforce";
import { createPartnerOrgSchema, editPartnerOrgSchema } from "./partner-org";
import { createPartnerUserSchema } from "./partner-user";

describe("Salesforce IDs", () => {
  test("the 18-character suffix is Salesforce's case-safe checksum", () => {
    // Salesforce's documented example: 001D000000IqhSL ↔ 001D000000IqhSLIAZ.
    assert.equal(salesforceChecksum("001D000000IqhSL"), "IAZ");
    assert.ok(isValidSalesforceId("001D000000IqhSL"));
    assert.ok(isValidSalesforceId("001D000000IqhSLIAZ"));
    assert.ok(!isValidSalesforceId("001D000000IqhSLIAA"), "a wrong checksum");
    assert.ok(!isValidSalesforceId("001D000000IqhS"), "14 characters");
    assert.ok(!isValidSalesforceId("001D000000Iqh-L"), "not alphanumeric");
  });
});

describe("the Create Partner schema", () => {
  const valid = { name: " Acme ", zuoraAccountId: "A0001", invoiceOwner: "partner", logo: "", salesforceAccountId: "" };

  test("trims, and treats empty optional fields as absent", () => {
    const parsed = createPartnerOrgSchema({ salesforceRequired: false }).parse(valid);
    assert.deepEqual(parsed, { name: "Acme", zuoraAccountId: "A0001", invoiceOwner: "partner", logo: undefined, salesforceAccountId: undefined });
  });

  test("refuses a blank name, a non-http(s) logo and a missing invoice owner", () => {
    const r = createPartnerOrgSchema({ salesforceRequired: false }).safeParse({ ...valid, name: "   ", logo: "javascript:alert(1)", invoiceOwner: undefined });
    assert.ok(!r.success);
    const paths = r.error.issues.map((i) => i.path.join("."));
    assert.deepEqual(paths.sort(), ["invoiceOwner", "logo", "name"]);
    for (const logo of ["ftp://x.example/a.png", "data:image/png;base64,AAAA", "//example.com/a.png", "https://"]) {
      assert.ok(!editPartnerOrgSchema.safeParse({ name: "x", logo }).success, logo);
    }
  });

  test("requires the Salesforce account ID when the integration is on", () => {
    assert.ok(createPartnerOrgSchema({ salesforceRequired: false }).safeParse(valid).success);
    const on = createPartnerOrgSchema({ salesforceRequired: true });
    assert.ok(!on.safeParse(valid).success);
    assert.ok(on.safeParse({ ...valid, salesforceAccountId: "001D000000IqhSLIAZ" }).success);
    assert.ok(!on.safeParse({ ...valid, salesforceAccountId: "001D000000IqhSLIAA" }).success);
  });
});

describe("the Create user schema", () => {
  test("stores a phone number with its country code in E.164", () => {
    const r = createPartnerUserSchema.parse({ email: "a@b.example", phone: "+44 7911 123456" });
    assert.equal(r.phone, "+447911123456");
    assert.ok(!createPartnerUserSchema.safeParse({ email: "a@b.example", phone: "07911 123456" }).success, "no country code");
    assert.ok(!createPartnerUserSchema.safeParse({ email: "a@b.example", phone: "+44 12" }).success, "too short");
  });

  test("refuses an invalid email", () => {
    for (const email of ["", "not-an-email", "a@", "@b.example"]) {
      assert.ok(!createPartnerUserSchema.safeParse({ email }).success, email);
    }
  });
});
