import { expect, expectAccessible, signInAsAdmin, test, unique, watchProblems } from "./fixtures";
import { adminPage, createOrg, createUser, loadableLogo, mailedLink, partnerPage, uniqueEmail } from "./partner-helpers";
import { e2eOutbox } from "../playwright.config";

test("a favicon and app icons, from the app itself", async ({ page, request }) => {
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toContain("image/");
  expect((await favicon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0])); // an ICO file
  await page.goto("/");
  for (const rel of ["icon", "apple-touch-icon"]) {
    const hrefs = await page.locator(`head link[rel="${rel}"]`).evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
    expect(hrefs.length, `<link rel="${rel}">`).toBeGreaterThan(0);
    for (const href of hrefs) expect((await request.get(href)).status(), href).toBe(200);
  }
});

test("a partner logo that does not load shows the organisation's initials, not a broken image", async ({ browser }) => {
  const admin = await adminPage(browser);
  const name = unique("Broken Logo Traders");
  const orgId = await createOrg(admin, name, "https://logo.invalid/missing.png");
  const header = admin.getByRole("main").locator("header");
  await expect(header.getByTestId("org-initials")).toHaveText("BL");
  await expect(header.locator("img")).toHaveCount(0);
  await admin.goto(`/settings/profile/partners?q=${encodeURIComponent(name)}`);
  const row = admin.getByRole("row").filter({ hasText: name });
  await expect(row.getByTestId("org-initials")).toHaveText("BL");
  await expect(row.locator("img")).toHaveCount(0);
  await expectAccessible(admin);

  // The partner pages carry the same fallback in their banner.
  const email = uniqueEmail("logo");
  await admin.goto(`/settings/profile/partners/${orgId}`);
  await createUser(admin, email);
  const partner = await partnerPage(browser, e2eOutbox, email, name);
  await expect(partner.getByRole("banner").getByTestId("org-initials")).toHaveText("BL");
  await expect(partner.getByRole("banner").locator("img")).toHaveCount(0);
});

test("the main pages log no console error, no uncaught exception and no DevTools issue (CSP included)", async ({ browser }) => {
  test.setTimeout(240_000);
  // Signed out: the sign-in pages and a set-password link.
  const admin = await adminPage(browser);
  const orgName = unique("Clean Console Org");
  const orgId = await createOrg(admin, orgName, loadableLogo);
  const email = uniqueEmail("console");
  await createUser(admin, email, "Console Person");
  const link = await mailedLink(e2eOutbox, email, "invite");

  const visitor = await (await browser.newContext()).newPage();
  const visitorProblems = await watchProblems(visitor);
  for (const path of ["/", "/partner", "/partner/forgot-password", new URL(link).pathname]) {
    await visitor.goto(path, { waitUntil: "networkidle" });
    await expect(visitor.getByRole("heading", { level: 1 })).toBeVisible();
  }
  expect(visitorProblems).toEqual([]);

  // A portal admin's pages (signing in lands on the whole partners list: watched from the next page on).
  const page = await (await browser.newContext()).newPage();
  await signInAsAdmin(page);
  // The landing page's logos finish loading (or failing) before the watch starts.
  await page.waitForLoadState("networkidle");
  const adminProblems = await watchProblems(page);
  // The partners list is searched down to this test's organisation: other tests give theirs logos on
  // hosts this browser cannot reach, and a browser logs every image it fails to load.
  const partners = `/settings/profile/partners?q=${encodeURIComponent(orgName)}`;
  for (const path of [partners, `/settings/profile/partners/${orgId}`, "/settings/admins", "/settings/api-clients", "/activity", "/api-reference"]) {
    await page.goto(path, { waitUntil: "networkidle" });
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await page.goto(partners);
  await page.getByRole("button", { name: "Create Partner" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(adminProblems).toEqual([]);

  // A partner user's pages.
  const partner = await partnerPage(browser, e2eOutbox, email, orgName);
  const partnerProblems = await watchProblems(partner);
  await partner.reload({ waitUntil: "networkidle" });
  await expect(partner.getByTestId("partner-brand")).toHaveText(orgName);
  // The old address redirects to the partner account; then every page of its left-hand pane.
  await partner.goto(`/partner/orgs/${orgId}`, { waitUntil: "networkidle" });
  await expect(partner.getByRole("heading", { level: 1 })).toHaveText("Organisations");
  for (const label of ["Members", "Reports", "Activity", "Settings", "Organisations"]) {
    await partner.getByRole("navigation", { name: "Partner account" }).getByRole("link", { name: label, exact: true }).click();
    await expect(partner.getByRole("heading", { level: 1 })).toHaveText(label);
    await partner.waitForLoadState("networkidle");
  }
  await partner.getByRole("button", { name: "Create an Organisation" }).click();
  await expect(partner.getByRole("dialog")).toBeVisible();
  await partner.waitForLoadState("networkidle");
  expect(partnerProblems).toEqual([]);
});
