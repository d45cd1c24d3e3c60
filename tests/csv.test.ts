import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { activity, partnerUser } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { CsvError, csvRecord, parseCsv } from "@/lib/csv";
import { DomainError } from "@/lib/errors";
import { partnerUsersCsvStream, partnersCsvStream } from "@/lib/partners/csv-export";
import { importPartnerUsers, previewPartnerUserImport } from "@/lib/partners/csv-import";
import { createPartnerOrg } from "@/lib/partners/orgs";
import { createPartnerUser } from "@/lib/partners/users";
import { databaseKind, freshDatabase } from "./helpers/db";

process.env.MAIL_OUTBOX_DIR = mkdtempSync(path.join(tmpdir(), "pm-csv-outbox-"));

const owner: Actor = { kind: "admin", id: "00000000-0000-7000-8000-0000000000c1", role: "owner", label: "owner@csv.example" };
const viewer: Actor = { kind: "admin", id: "00000000-0000-7000-8000-0000000000c2", role: "viewer", label: "viewer@csv.example" };

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("CSV parser and writer", () => {
  test("quotes, commas, escaped quotes, CRLF and LF, line breaks in quotes, BOM, blank lines", () => {
    const input = '\ufeffa,b,c\r\n"x, y","say ""hi""",\r\n\n"multi\r\nline",2,3\nlast,,"';
    assert.throws(() => parseCsv(input), CsvError, "an unclosed quote is an error");
    assert.deepEqual(parseCsv(input + '"'), [
      ["a", "b", "c"],
      ["x, y", 'say "hi"', ""],
      ["multi\r\nline", "2", "3"],
      ["last", "", ""],
    ]);
    assert.throws(() => parseCsv('a"b,c'), CsvError);
    assert.throws(() => parseCsv('"a"b,c'), CsvError);
    assert.throws(() => parseCsv("a\nb\nc\nd", { maxRecords: 2 }), CsvError);
  });

  test("the writer round-trips through the parser and defuses formulas, not phone numbers", () => {
    const values = ['x, "y"', "line\nbreak", "=HYPERLINK(\"http://evil\")", "+447700900123", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", null, 7];
    const line = csvRecord(values);
    assert.ok(line.endsWith("\r\n"));
    const [parsed] = parseCsv(line);
    assert.deepEqual(parsed, ['x, "y"', "line\nbreak", "'=HYPERLINK(\"http://evil\")", "+447700900123", "'-2+3+cmd|' /C calc'!A0", "'@SUM(A1)", "", "7"]);
  });
});

describe(`CSV import and export (${databaseKind})`, () => {
  let database: Database;
  before(async () => {
    database = await freshDatabase();
  });
  after(async () => {
    await database.close();
  });
  const org = (name: string) => createPartnerOrg(database.db, owner, { name, zuoraAccountId: `Z-${name.replace(/\s/g, "")}`, invoiceOwner: "partner" });

  test("preview reports each bad row and writes nothing; confirm imports the valid rows in one go", async () => {
    const mine = await org("Import Target");
    const elsewhere = await org("Import Elsewhere");
    await createPartnerUser(database.db, owner, elsewhere.id, { email: "taken@csv.example" });
    await createPartnerUser(database.db, owner, mine.id, { email: "already@csv.example" });
    const csv = [
      "Email address,First name,Last name,Phone number,Role",
      "ok1@csv.example,Ada,Lovelace,+44 7911 123456,",
      "not-an-email,Bad,Email,,",
      "OK1@csv.example,Dup,Licate,,",
      "taken@csv.example,Taken,Elsewhere,,",
      "already@csv.example,In,Here,,",
      "ok2@csv.example,\"Grace, Jr.\",Hopper,,maintainer",
      "badphone@csv.example,Bad,Phone,07700900123,",
    ].join("\r\n");
    const before = await database.db.select().from(activity);
    const preview = await previewPartnerUserImport(database.db, owner, mine.id, csv);
    assert.equal(preview.valid, 2);
    assert.equal(preview.invalid, 5);
    const byLine = new Map(preview.rows.map((r) => [r.line, r.errors.join(" ")]));
    assert.equal(byLine.get(2), "");
    assert.match(byLine.get(3)!, /valid email/);
    assert.match(byLine.get(4)!, /Duplicate of line 2/);
    assert.match(byLine.get(5)!, /another organisation/);
    assert.match(byLine.get(6)!, /Already a user of this organisation/);
    assert.equal(byLine.get(7), "");
    assert.match(byLine.get(8)!, /country code/);
    assert.equal((await database.db.select().from(partnerUser).where(eq(partnerUser.partnerOrgId, mine.id))).length, 1, "preview writes nothing");
    assert.equal((await database.db.select().from(activity)).length, before.length);

    const result = await importPartnerUsers(database.db, owner, mine.id, csv);
    assert.equal(result.created, 2);
    assert.deepEqual(result.skipped.map((s) => s.line), [3, 4, 5, 6, 8]);
    const users = await database.db.select().from(partnerUser).where(eq(partnerUser.partnerOrgId, mine.id));
    const ada = users.find((u) => u.email === "ok1@csv.example")!;
    assert.equal(ada.firstName, "Ada");
    assert.equal(ada.phone, "+447911123456");
    assert.equal(ada.role, "viewer");
    assert.equal(users.find((u) => u.email === "ok2@csv.example")!.role, "maintainer");
    const entries = (await database.db.select().from(activity).where(eq(activity.partnerOrgId, mine.id))).map((e) => e.action);
    assert.equal(entries.filter((a) => a === "partner_user.created").length, 3);
    assert.equal(entries.filter((a) => a === "partner_user.imported").length, 1);
  });

  test("a file with nothing importable, bad CSV, a missing email column, or a Viewer: refused, nothing written", async () => {
    const o = await org("Import Refused");
    const n0 = (await database.db.select().from(activity)).length;
    await assert.rejects(importPartnerUsers(database.db, owner, o.id, "email\nnope"), DomainError);
    await assert.rejects(importPartnerUsers(database.db, owner, o.id, 'email\n"unclosed'), /not valid CSV/);
    await assert.rejects(importPartnerUsers(database.db, owner, o.id, "name\nAda"), /Email address/);
    await assert.rejects(importPartnerUsers(database.db, viewer, o.id, "email\na@b.example"), (e: unknown) => e instanceof DomainError && e.code === "forbidden");
    assert.equal((await database.db.select().from(activity)).length, n0);
  });

  test("the first imported user of an empty organisation is its Admin", async () => {
    const o = await org("Import Empty");
    await importPartnerUsers(database.db, owner, o.id, "email,name\nfirst@csv.example,First\nsecond@csv.example,Second\n");
    const users = await database.db.select().from(partnerUser).where(eq(partnerUser.partnerOrgId, o.id));
    assert.equal(users.find((u) => u.email === "first@csv.example")!.role, "admin");
    assert.equal(users.find((u) => u.email === "second@csv.example")!.role, "viewer");
  });

  test("partners export follows the search and sort and spans batches; users export lists an org's users", async () => {
    for (const n of ["Exp Charlie", "Exp Alpha", "Exp Bravo", "Exp Delta", "Other"]) await org(n);
    const csv = await text(partnersCsvStream(database.db, viewer, { q: "exp ", status: undefined, sort: "name", dir: "asc" }, 2));
    const rows = parseCsv(csv.replace(/^\ufeff/, ""));
    assert.equal(rows[0]![1], "Partner organisation name");
    assert.deepEqual(rows.slice(1).map((r) => r[1]), ["Exp Alpha", "Exp Bravo", "Exp Charlie", "Exp Delta"]);
    const desc = parseCsv((await text(partnersCsvStream(database.db, viewer, { q: "exp ", status: undefined, sort: "created", dir: "desc" }, 3))).slice(1));
    assert.deepEqual(desc.slice(1).map((r) => r[1]), ["Exp Delta", "Exp Bravo", "Exp Alpha", "Exp Charlie"]);

    const o = await org("Users Export");
    await createPartnerUser(database.db, owner, o.id, { email: "e1@csv.example", firstName: "Eve", lastName: "One", phone: "+14155550100" });
    await createPartnerUser(database.db, owner, o.id, { email: "e2@csv.example", name: "=cmd" });
    const users = parseCsv((await text(await partnerUsersCsvStream(database.db, viewer, o.id, 1))).slice(1));
    assert.deepEqual(users.slice(1).map((r) => [r[1], r[4], r[5], r[6]]), [
      ["Eve One", "e1@csv.example", "+14155550100", "admin"],
      ["'=cmd", "e2@csv.example", "", "viewer"],
    ]);
    assert.throws(() => partnersCsvStream(database.db, { kind: "anonymous", label: "x" }, { q: "", status: undefined, sort: "name", dir: "asc" }), DomainError);
  });
});
