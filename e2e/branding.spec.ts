import sharp from "sharp";
import { e2eOutbox } from "../playwright.config";
import { expect, expectAccessible, test, unique } from "./fixtures";
import { adminPage, createOrg, createUser, openFromPane, partnerPage, slugIn, uniqueEmail } from "./partner-helpers";

// Edgio's "White Labeling (Branding)", step by step: the partner account's Settings page, then
// where the brand shows (the partner pages, Help and Support, the branded sign-in, dark mode).
test.describe.configure({ timeout: 300_000 });

const logo = (format: "png" | "webp", background: string) =>
  sharp({ create: { width: 300, height: 100, channels: 3, background } })
    .toFormat(format)
    .toBuffer();
const LOGO_URL = /^\/api\/logos\/[0-9a-f]{64}\.webp$/;
const SUPPORT = "[Contact My Partner](https://mypartner.example.com/support)";

test("white label: a partner Admin uploads both logos and sets support information; the partner pages, Help and Support and the branded sign-in show them", async ({ browser }) => {
  const admin = await adminPage(browser);
  const orgName = unique("Branded Partner");
  const orgId = await createOrg(admin, orgName);
  const email = uniqueEmail("bree");
  await createUser(admin, email, "Bree Admin");
  const page = await partnerPage(browser, e2eOutbox, email, orgName);
  const slug = slugIn(page);

  // 1. Load the partner account's Settings page: from the left-hand pane, click Settings.
  await openFromPane(page, "Settings");
  const light = page.getByRole("region", { name: "Partner Logo", exact: true });
  const dark = page.getByRole("region", { name: "Partner Logo (Dark Mode)", exact: true });

  // An SVG (or anything not a JPG, PNG or WebP by its content) is refused beside the field.
  await light.getByLabel("Upload Logo").setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') });
  await expect(light.getByRole("alert")).toHaveText("Upload a JPG, JPEG, PNG or WebP image.");
  await light.getByLabel("Upload Logo").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from("not really a png\n") });
  await expect(light.getByRole("alert")).toHaveText("Upload a JPG, JPEG, PNG or WebP image.");
  await expectAccessible(page);

  // 2. Upload Logo under Partner Logo, then under Partner Logo (Dark Mode).
  await light.getByLabel("Upload Logo").setInputFiles({ name: "light.png", mimeType: "image/png", buffer: await logo("png", "#d22") });
  await expect(page.getByText("Partner Logo uploaded.", { exact: true })).toBeVisible();
  await expect(light.getByRole("alert")).toHaveCount(0);
  await expect(light.getByLabel("Change")).toBeAttached();
  await dark.getByLabel("Upload Logo").setInputFiles({ name: "dark.webp", mimeType: "image/webp", buffer: await logo("webp", "#22d") });
  await expect(page.getByText("Partner Logo (Dark Mode) uploaded.", { exact: true })).toBeVisible();
  await expect(dark.getByRole("button", { name: "Delete" })).toBeVisible();
  const lightUrl = (await light.locator("img").getAttribute("src"))!;
  const darkUrl = (await dark.locator("img").getAttribute("src"))!;
  expect(lightUrl).toMatch(LOGO_URL);
  expect(darkUrl).toMatch(LOGO_URL);
  expect(darkUrl).not.toBe(lightUrl);

  // Support Information, saved with Save.
  await page.getByLabel("Support Information").fill("<b>bold</b>");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText(/HTML is not allowed/)).toBeVisible();
  await page.getByLabel("Support Information").fill(SUPPORT);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Support information saved.")).toBeVisible();
  await expectAccessible(page);

  // Every partner page carries the uploaded logo (the dark one on dark pages) and Help and Support.
  for (const label of ["Organisations", "Members", "Settings"] as const) {
    await openFromPane(page, label);
    const header = page.getByRole("banner");
    await expect(header.getByTestId("org-logo")).toHaveAttribute("src", lightUrl);
    await expect(header.locator("picture source")).toHaveAttribute("srcset", darkUrl);
    await expect.poll(() => header.getByTestId("org-logo").evaluate((img: HTMLImageElement) => new URL(img.currentSrc).pathname)).toBe(lightUrl);
  }
  await page.getByRole("button", { name: "Help and Support" }).click();
  const menu = page.getByRole("dialog", { name: "Help and Support" });
  await expect(menu.getByRole("link", { name: "Contact My Partner" })).toHaveAttribute("href", "https://mypartner.example.com/support");
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  // The app's Theme decides, not only the device: Dark shows the dark logo, System (on this light device) the light one.
  const headerLogo = () => page.getByRole("banner").getByTestId("org-logo").evaluate((img: HTMLImageElement) => new URL(img.currentSrc).pathname);
  await page.getByLabel("Theme", { exact: true }).selectOption({ label: "Dark" });
  await expect.poll(headerLogo).toBe(darkUrl);
  await expectAccessible(page);
  await page.getByLabel("Theme", { exact: true }).selectOption({ label: "System" });
  await expect.poll(headerLogo).toBe(lightUrl);

  // The served logo is the re-encoded image, cacheable for ever.
  const served = await page.request.get(lightUrl);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/webp");
  expect(served.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(served.headers()["x-content-type-options"]).toBe("nosniff");

  // The admin org page shows which logo is in use: the upload, over the Logo URL.
  await admin.goto(`/settings/profile/partners/${orgId}`);
  await expect(admin.getByTestId("logo-in-use")).toHaveText("The uploaded Partner Logo is in use: it takes precedence over the Logo URL.");
  await expect(admin.getByTestId("logo-url-note")).toHaveText("Not in use: the uploaded Partner Logo takes precedence.");
  await expectAccessible(admin);

  // The branded sign-in, /sso?partner=<slug> → /partner?partner=<slug>: name, logo, support information.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/sso?partner=${slug}`);
  await expect(visitor).toHaveURL(new RegExp(`/partner\\?partner=${slug}$`));
  const brand = visitor.getByTestId("sign-in-brand");
  await expect(brand).toContainText(orgName);
  await expect(brand.getByTestId("org-logo")).toHaveAttribute("src", lightUrl);
  await expect(visitor.getByTestId("sign-in-support").getByRole("link", { name: "Contact My Partner" })).toHaveAttribute("href", "https://mypartner.example.com/support");
  await expect(visitor.getByRole("button", { name: "Continue" })).toBeVisible();
  await expectAccessible(visitor);

  // An unknown slug: the plain sign-in, revealing nothing.
  await visitor.goto("/partner?partner=no-such-partner-anywhere");
  await expect(visitor.getByRole("heading", { name: "Partner sign-in" })).toBeVisible();
  await expect(visitor.getByTestId("sign-in-brand")).toHaveCount(0);
  await expect(visitor.getByTestId("sign-in-support")).toHaveCount(0);

  // A dark page shows the dark logo: the sign-in and the partner pages.
  const night = await browser.newContext({ colorScheme: "dark" });
  const nightVisitor = await night.newPage();
  await nightVisitor.goto(`/partner?partner=${slug}`);
  await expect.poll(() => nightVisitor.getByTestId("sign-in-brand").getByTestId("org-logo").evaluate((img: HTMLImageElement) => new URL(img.currentSrc).pathname)).toBe(darkUrl);
  await expectAccessible(nightVisitor);

  // Change and Delete: deleting the dark logo leaves the light one on dark pages too.
  await openFromPane(page, "Settings");
  await dark.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText("Partner Logo (Dark Mode) deleted.", { exact: true })).toBeVisible();
  await expect(dark.getByLabel("Upload Logo")).toBeAttached();
  await light.getByLabel("Change").setInputFiles({ name: "new.webp", mimeType: "image/webp", buffer: await logo("webp", "#2a2") });
  await expect(page.getByText("Partner Logo uploaded.", { exact: true }).first()).toBeVisible();
  await expect(light.locator("img")).not.toHaveAttribute("src", lightUrl);
  const changed = (await light.locator("img").getAttribute("src"))!;
  expect(changed).toMatch(LOGO_URL);
  await nightVisitor.reload();
  await expect.poll(() => nightVisitor.getByTestId("sign-in-brand").getByTestId("org-logo").evaluate((img: HTMLImageElement) => new URL(img.currentSrc).pathname)).toBe(changed);
  await night.close();
});
