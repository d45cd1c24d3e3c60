/** White label: logo uploads (judged by content, re-encoded, stored by hash), support information, the public brand. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { crc32 } from "node:zlib";
import { eq, sql } from "drizzle-orm";
import sharp from "sharp";
import { GET as brandingRoute } from "@/app/api/partner-management/branding/[slug]/route";
import { GET as logoRoute } from "@/app/api/logos/[file]/route";
import { setDatabaseForTests, rowsOf, type Database } from "@/db";
import { activity, logoImage, partnerOrg } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { deletePartnerLogo, getPublicBrand, setPartnerLogo, updateSupportInfo } from "@/lib/branding/branding";
import { LOGO_TOO_MANY_PIXELS_MESSAGE, LOGO_UNREADABLE_MESSAGE } from "@/lib/branding/logo-image";
import { DomainError } from "@/lib/errors";
import { createPartnerOrg, deletePartnerOrg } from "@/lib/partners/orgs";
import { GET as openapiRoute } from "@/app/api/openapi.json/route";
import { LOGO_MAX_BYTES, LOGO_TOO_BIG_MESSAGE, LOGO_TYPE_MESSAGE, parseSupportInfo, updateSupportInfoSchema, uploadLogoSchema } from "@/lib/validations/branding";
import { databaseKind, freshDatabase } from "./helpers/db";

const owner: Actor = { kind: "admin", id: "owner-1", role: "owner", label: "owner@example.com" };
const adminViewer: Actor = { kind: "admin", id: "viewer-1", role: "viewer", label: "viewer@example.com" };
const partner = (orgId: string, role: "admin" | "maintainer" | "viewer"): Actor => ({ kind: "partner_user", id: `p-${role}`, partnerOrgId: orgId, role, label: `${role}@p.example` });
const refused = (code: DomainError["code"], message?: string) => (e: unknown) =>
  e instanceof DomainError && e.code === code && (message === undefined || (e.message === message && e.fieldErrors.file?.[0] === message));

const image = (format: "jpeg" | "png" | "webp", width = 64, height = 48) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 90 } } })
    .toFormat(format)
    .toBuffer();

/** A PNG whose header claims 50000 × 50000 pixels in a few bytes: decoding it would need ~7.5 GB. */
function pngBomb(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(50_000, 0);
  ihdr.writeUInt32BE(50_000, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])), chunk("IEND", Buffer.alloc(0))]);
}

describe(`white label (${databaseKind})`, () => {
  let database: Database;
  let orgA: { id: string; slug: string };
  let orgB: { id: string; slug: string };
  const counts = async () => {
    const [row] = rowsOf<{ images: number; entries: number }>(
      await database.db.execute(sql`select (select count(*)::int from logo_image) as images, (select count(*)::int from activity where action like 'partner_org.logo%') as entries`),
    );
    return row!;
  };
  const org = async (id: string) => (await database.db.select().from(partnerOrg).where(eq(partnerOrg.id, id)))[0]!;

  before(async () => {
    database = await freshDatabase();
    setDatabaseForTests(database);
    const create = (name: string) => createPartnerOrg(database.db, owner, { name, zuoraAccountId: "A0001", invoiceOwner: "partner" });
    orgA = await create("Brand Partner A");
    orgB = await create("Brand Partner B");
  });
  after(async () => {
    await database.close();
  });

  for (const format of ["jpeg", "png", "webp"] as const) {
    test(`a ${format} logo is re-encoded as WebP, bounded to 512 px, stored by hash and served immutable`, async () => {
      const input = await sharp(await image(format, 1000, 600))
        .withMetadata({ exif: { IFD0: { Copyright: "secret-exif-marker" } } })
        .toFormat(format)
        .toBuffer();
      const brand = await setPartnerLogo(database.db, partner(orgA.id, "admin"), orgA.id, "light", input);
      const hash = (await org(orgA.id)).logoLightHash!;
      assert.match(hash, /^[0-9a-f]{64}$/);
      assert.equal(brand.logo, `/api/logos/${hash}.webp`);
      assert.equal(brand.logoSource, "upload");
      const res = await logoRoute(new Request(`http://x${brand.logo}`), { params: Promise.resolve({ file: `${hash}.webp` }) });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get("content-type"), "image/webp");
      assert.equal(res.headers.get("cache-control"), "public, max-age=31536000, immutable");
      assert.equal(res.headers.get("x-content-type-options"), "nosniff");
      assert.equal(res.headers.get("cross-origin-resource-policy"), "cross-origin", "other sites may show the logo GET /branding gives them");
      const served = Buffer.from(await res.arrayBuffer());
      const meta = await sharp(served).metadata();
      assert.equal(meta.format, "webp");
      assert.deepEqual([meta.width, meta.height], [512, 307]);
      assert.equal(meta.exif, undefined, "metadata is stripped");
      assert.equal(served.includes("secret-exif-marker"), false);
    });
  }

  test("SVG, HTML, a renamed text file, an image bomb, a damaged image and over 2 MB are refused beside the field; nothing is stored", async () => {
    const pAdmin = partner(orgB.id, "admin");
    const before = await counts();
    const cases: Array<[string, Buffer, string]> = [
      ["svg", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>'), LOGO_TYPE_MESSAGE],
      ["html", Buffer.from("<!doctype html><html><body><script>alert(1)</script></body></html>"), LOGO_TYPE_MESSAGE],
      ["renamed text", Buffer.from("just some text in a file called logo.png\n"), LOGO_TYPE_MESSAGE],
      ["gif", await image("png").then((b) => sharp(b).gif().toBuffer()), LOGO_TYPE_MESSAGE],
      ["image bomb", pngBomb(), LOGO_TOO_MANY_PIXELS_MESSAGE],
      ["truncated png", (await image("png")).subarray(0, 60), LOGO_UNREADABLE_MESSAGE],
      ["over 2 MB", Buffer.concat([await image("png"), Buffer.alloc(LOGO_MAX_BYTES)]), LOGO_TOO_BIG_MESSAGE],
    ];
    for (const [name, bytes, message] of cases) {
      await assert.rejects(setPartnerLogo(database.db, pAdmin, orgB.id, "light", bytes), refused("invalid", message), name);
    }
    assert.deepEqual(await counts(), before);
    assert.equal((await org(orgB.id)).logoLightHash, null);
    // The shared schema refuses an oversized upload before it is decoded.
    const big = uploadLogoSchema.safeParse({ orgId: orgB.id, variant: "dark", file: Buffer.alloc(LOGO_MAX_BYTES + 3).toString("base64") });
    assert.equal(big.success, false);
    assert.equal(big.error!.issues[0]!.message, LOGO_TOO_BIG_MESSAGE);
    assert.equal(uploadLogoSchema.safeParse({ orgId: orgB.id, variant: "sepia", file: "AAAA" }).success, false);
  });

  test("partner Admins and portal Owners/Admins manage the brand; Viewers, Maintainers and other partners do not", async () => {
    const png = await image("png");
    for (const actor of [partner(orgA.id, "viewer"), partner(orgA.id, "maintainer"), adminViewer, partner(orgB.id, "admin")]) {
      await assert.rejects(setPartnerLogo(database.db, actor, orgA.id, "dark", png), refused("forbidden"));
      await assert.rejects(deletePartnerLogo(database.db, actor, orgA.id, "light"), refused("forbidden"));
      await assert.rejects(updateSupportInfo(database.db, actor, orgA.id, "Call us"), refused("forbidden"));
    }
    await assert.rejects(setPartnerLogo(database.db, owner, "no-such-org", "dark", png), refused("not_found"));
  });

  test("change and delete: the audit trail records each change; an image no one uses is removed, a shared one kept", async () => {
    const png = await image("png", 80, 80);
    await setPartnerLogo(database.db, owner, orgA.id, "dark", png);
    await setPartnerLogo(database.db, partner(orgB.id, "admin"), orgB.id, "dark", png);
    const shared = (await org(orgA.id)).logoDarkHash!;
    assert.equal((await org(orgB.id)).logoDarkHash, shared, "the same image is stored once");
    await setPartnerLogo(database.db, owner, orgA.id, "dark", await image("webp", 90, 90));
    assert.equal((await database.db.select().from(logoImage).where(eq(logoImage.hash, shared))).length, 1, "B still uses it");
    const brandB = await deletePartnerLogo(database.db, partner(orgB.id, "admin"), orgB.id, "dark");
    assert.equal(brandB.darkLogo, null);
    assert.equal((await database.db.select().from(logoImage).where(eq(logoImage.hash, shared))).length, 0, "nobody uses it now");
    const entries = await database.db.select().from(activity).where(eq(activity.partnerOrgId, orgB.id));
    const deleted = entries.find((e) => e.action === "partner_org.logo_deleted");
    assert.deepEqual(deleted?.change, { before: { "Partner Logo (Dark Mode)": shared }, after: { "Partner Logo (Dark Mode)": null } });
    const res = await logoRoute(new Request("http://x"), { params: Promise.resolve({ file: `${shared}.webp` }) });
    assert.equal(res.status, 404);
    assert.deepEqual(await res.json(), { message: "Logo not found." });
    assert.equal((await logoRoute(new Request("http://x"), { params: Promise.resolve({ file: "../etc/passwd" }) })).status, 404);
  });

  test("support information: a message or one https Markdown link; HTML, scripts, other schemes and control characters refused", async () => {
    const ok = (v: string) => updateSupportInfoSchema.safeParse({ orgId: "x", supportInfo: v });
    assert.deepEqual(parseSupportInfo("[Contact My Partner](https://mypartner.example.com/support)"), {
      kind: "link",
      text: "Contact My Partner",
      href: "https://mypartner.example.com/support",
    });
    assert.deepEqual(parseSupportInfo("Call us on 0800 123 456"), { kind: "text", text: "Call us on 0800 123 456" });
    assert.equal(ok("Call us on 0800 123 456").success, true);
    assert.equal(ok("[Contact My Partner](https://mypartner.example.com/support)").success, true);
    assert.equal(ok("").success, true);
    for (const bad of [
      "[Click](javascript:alert(1))",
      "[Plain](http://mypartner.example.com/support)",
      '[Quote](https://x.example/"onmouseover=alert(1))',
      "<a href=https://x.example>x</a>",
      "<script>alert(1)</script>",
      "Line one\nline two",
      "Bell\u0007",
      "Sneaky \u202e reversed",
      "x".repeat(501),
      "[a](https://a.example) and [b](https://b.example)",
    ]) {
      assert.equal(ok(bad).success, false, JSON.stringify(bad));
    }
    const brand = await updateSupportInfo(database.db, partner(orgA.id, "admin"), orgA.id, "[Contact My Partner](https://mypartner.example.com/support)");
    assert.equal(brand.supportInfo, "[Contact My Partner](https://mypartner.example.com/support)");
    const [entry] = await database.db.select().from(activity).where(eq(activity.action, "partner_org.support_info_updated"));
    assert.equal(entry!.partnerOrgId, orgA.id);
    assert.equal((await updateSupportInfo(database.db, owner, orgA.id, "")).supportInfo, null);
  });

  test("GET /branding/<slug>: the public brand only, cacheable; unknown, malformed and pending slugs are 404", async () => {
    await database.db.update(partnerOrg).set({ logo: "https://cdn.example/b.png", supportInfo: "Ring us" }).where(eq(partnerOrg.id, orgB.id));
    const get = (slug: string) => brandingRoute(new Request(`http://x/api/partner-management/branding/${slug}`), { params: Promise.resolve({ slug }) });
    const res = await get(orgB.slug);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("cache-control"), "public, max-age=300");
    assert.deepEqual(await res.json(), { name: "Brand Partner B", slug: orgB.slug, logo: "https://cdn.example/b.png", darkLogo: null, supportInfo: "Ring us" });
    const a = (await (await get(orgA.slug)).json()) as { logo: string; darkLogo: string };
    const { logoLightHash, logoDarkHash } = await org(orgA.id);
    assert.equal(a.logo, `http://localhost:3000/api/logos/${logoLightHash}.webp`, "the upload takes precedence over the Logo URL");
    assert.equal(a.darkLogo, `http://localhost:3000/api/logos/${logoDarkHash}.webp`);
    for (const slug of ["no-such-partner", "../../etc", "A"]) {
      const missing = await get(slug);
      assert.equal(missing.status, 404);
      assert.deepEqual(await missing.json(), { message: "Partner not found." });
    }
    await database.db.update(partnerOrg).set({ status: "pending" }).where(eq(partnerOrg.id, orgB.id));
    assert.equal(await getPublicBrand(database.db, orgB.slug), null);
    await database.db.update(partnerOrg).set({ status: "approved" }).where(eq(partnerOrg.id, orgB.id));
  });

  test("deleting a partner organisation removes the logos only it used", async () => {
    const doomed = await createPartnerOrg(database.db, owner, { name: "Brand Partner Doomed", zuoraAccountId: "A0002", invoiceOwner: "partner" });
    await setPartnerLogo(database.db, owner, doomed.id, "light", await image("png", 33, 33));
    await setPartnerLogo(database.db, owner, doomed.id, "dark", await image("jpeg", 34, 34));
    const { logoLightHash, logoDarkHash } = await org(doomed.id);
    await deletePartnerOrg(database.db, owner, doomed.id);
    for (const hash of [logoLightHash!, logoDarkHash!]) assert.equal((await database.db.select().from(logoImage).where(eq(logoImage.hash, hash))).length, 0);
  });

  test("the OpenAPI document describes GET /branding/{slug}: public, the brand schema, 404", async () => {
    const doc = (await (await openapiRoute()).json()) as any;
    const op = doc.paths["/partner-management/branding/{slug}"].get;
    assert.equal(op.operationId, "getPartnerBranding");
    assert.deepEqual(op.security, []);
    const schema = op.responses["200"].content["application/json"].schema;
    assert.deepEqual(Object.keys(schema.properties).sort(), ["darkLogo", "logo", "name", "slug", "supportInfo"]);
    assert.ok(op.responses["404"]);
  });
});
