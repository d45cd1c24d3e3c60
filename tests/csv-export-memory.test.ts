import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { sql } from "drizzle-orm";
import type { Database } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { partnersCsvStream } from "@/lib/partners/csv-export";
import { databaseKind, freshDatabase } from "./helpers/db";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const viewer: Actor = { kind: "admin", id: "00000000-0000-7000-8000-0000000000e1", role: "viewer", label: "viewer@mem.example" };
const ROWS = 20_000;
const LOGO = `https://example.com/${"l".repeat(1500)}.png`;

describe(`partners CSV export of a large table (${databaseKind})`, () => {
  let database: Database;
  before(async () => {
    database = await freshDatabase();
    // 20k organisations with ~1.6 KB each: ~32 MB of CSV, far more than the bound below.
    await database.db.execute(sql`
      insert into partner_org (id, name, slug, logo, zuora_account_id, invoice_owner, status, created, modified)
      select
        lpad(to_hex(i), 8, '0') || '-0000-7000-8000-000000000000',
        'Org ' || lpad(i::text, 6, '0'), 'org-' || i, ${LOGO}, 'Z' || i, 'partner', 'approved',
        now() - (i || ' seconds')::interval, now()
      from generate_series(1, ${ROWS}) as s(i)`);
  });
  after(async () => {
    await database.close();
  });

  test("streams every row in keyset batches while the heap stays bounded", async () => {
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    let bytes = 0;
    let lines = 0;
    let chunks = 0;
    let firstName = "";
    let lastName = "";
    const decoder = new TextDecoder();
    const reader = partnersCsvStream(database.db, viewer, { q: "", status: undefined, sort: "name", dir: "asc" }).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      const text = decoder.decode(value);
      const rows = text.split("\r\n").filter(Boolean);
      lines += rows.length;
      if (chunks === 1) firstName = rows[0]!.split(",")[1]!;
      lastName = rows.at(-1)!.split(",")[1]!;
      if (++chunks % 4 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
      }
    }
    assert.equal(lines, ROWS + 1, "the header and every row");
    assert.equal(firstName, "Org 000001");
    assert.equal(lastName, `Org ${String(ROWS).padStart(6, "0")}`);
    assert.ok(chunks >= ROWS / 1000, "one chunk per batch of 1000");
    assert.ok(bytes > 30 * 1024 * 1024, `the export is large (${bytes} bytes)`);
    // Holding all rows would take well over the export's size; one batch is ~2 MB.
    assert.ok(peak < 12 * 1024 * 1024, `heap grew by ${(peak / 1048576).toFixed(1)} MB while streaming ${(bytes / 1048576).toFixed(1)} MB`);
    console.log(`[memory] streamed ${(bytes / 1048576).toFixed(1)} MB, peak heap growth ${(peak / 1048576).toFixed(1)} MB`);
  });
});
