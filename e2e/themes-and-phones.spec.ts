import type { Page } from "@playwright/test";
import { e2eOutbox } from "../playwright.config";
import { expect, expectAccessible, signInAsAdmin, test, unique } from "./fixtures";
import { adminPage, createOrg, createUser, loadableLogo, mailedLink, partnerPage, setPassword, signInAsPartner, uniqueEmail } from "./partner-helpers";

// Issue #13: a Light, Dark or System theme on every page, and pages that fit a phone.
const LIGHT_BG = "rgb(255, 255, 255)";
const DARK_BG = "rgb(11, 17, 32)";
const PHONE = { width: 390, height: 844 };

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const sideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

async function chooseTheme(page: Page, theme: "Light" | "Dark" | "System") {
  await page.getByLabel("Theme", { exact: true }).selectOption({ label: theme });
}

/** Visits each path (heading shown), checks axe and that the page has the theme's background. */
async function visitAll(page: Page, paths: string[], bg: string) {
  for (const path of paths) {
    await page.goto(path, { waitUntil: "networkidle" });
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    expect(await background(page), path).toBe(bg);
    await expectAccessible(page);
  }
}

test("the main pages in Light and in Dark: the theme is remembered, and System follows the device", async ({ browser }) => {
  test.setTimeout(300_000);
  const admin = await adminPage(browser);
  const orgName = unique("Theme Org");
  const orgId = await createOrg(admin, orgName, loadableLogo);
  const email = uniqueEmail("theme");
  await createUser(admin, email, "Theme Person");

  const adminPaths = [
    `/settings/profile/partners?q=${encodeURIComponent(orgName)}`,
    `/settings/profile/partners/${orgId}`,
    "/organisations",
    "/activity",
    "/settings/admins",
    "/settings/api-clients",
    "/settings/webhooks",
    "/settings/usage-metrics",
    "/reports",
  ];
  await chooseTheme(admin, "Light");
  await expect(admin.locator("html")).toHaveClass(/\blight\b/);
  await visitAll(admin, adminPaths, LIGHT_BG);
  await chooseTheme(admin, "Dark");
  await expect(admin.locator("html")).toHaveClass(/\bdark\b/);
  expect(await background(admin)).toBe(DARK_BG);
  // The cookie carries it: every page after is dark from its first paint.
  await visitAll(admin, adminPaths, DARK_BG);
  await expect(admin.getByLabel("Theme", { exact: true })).toHaveValue("dark");
  await admin.goto(adminPaths[0]!);
  await admin.getByRole("button", { name: "Create Partner" }).click();
  await expect(admin.getByRole("dialog")).toBeVisible();
  await expectAccessible(admin);
  await admin.keyboard.press("Escape");

  const partner = await partnerPage(browser, e2eOutbox, email, orgName);
  const slug = new URL(partner.url()).pathname.split("/")[2]!;
  const partnerPaths = [`/partner/${slug}`, `/partner/${slug}/members`, `/partner/${slug}/settings`];
  await chooseTheme(partner, "Light");
  await visitAll(partner, partnerPaths, LIGHT_BG);
  await chooseTheme(partner, "Dark");
  await visitAll(partner, partnerPaths, DARK_BG);

  // Signed out: the sign-in pages, System by default, then the device's dark setting.
  const day = await (await browser.newContext({ colorScheme: "light" })).newPage();
  await visitAll(day, ["/", "/partner"], LIGHT_BG);
  await expect(day.getByLabel("Theme", { exact: true })).toHaveValue("system");
  const night = await (await browser.newContext({ colorScheme: "dark" })).newPage();
  await visitAll(night, ["/", "/partner"], DARK_BG);
  // Light chosen on a dark device wins, and stays after a reload.
  await chooseTheme(night, "Light");
  expect(await background(night)).toBe(LIGHT_BG);
  await night.reload();
  expect(await background(night)).toBe(LIGHT_BG);
  await expectAccessible(night);
});

test("on a phone: the navigation is a Menu, tables scroll in their frame, dialogs fit, the page never scrolls sideways", async ({ browser }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await signInAsAdmin(page);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();

  // The Menu: a panel of the navigation; a link closes it, Escape too.
  const menu = page.getByRole("dialog", { name: "Partner Management" });
  await page.getByRole("button", { name: "Menu" }).click();
  await menu.getByRole("link", { name: "Organisations", exact: true }).click();
  await expect(page).toHaveURL(/\/organisations$/);
  await expect(menu).toHaveCount(0);
  expect(await sideScroll(page)).toBeLessThanOrEqual(0);
  await page.getByRole("button", { name: "Menu" }).click();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await page.getByRole("button", { name: "Menu" }).click();
  await expectAccessible(page);
  await menu.getByRole("link", { name: "Partners", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/profile\/partners$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Partners");

  // The partners table scrolls inside its frame; the search, the paging and the page do not overflow.
  const frame = page.getByRole("table").first().locator("xpath=..");
  expect(await frame.evaluate((el) => getComputedStyle(el).overflowX)).toBe("auto");
  expect(await frame.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  expect(await sideScroll(page)).toBeLessThanOrEqual(0);
  await expect(page.getByRole("search")).toBeInViewport({ ratio: 1 });
  await expectAccessible(page);

  // Create a partner through the dialog, which fits the screen.
  await page.getByRole("button", { name: "Create Partner" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  const box = (await dialog.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
  const name = unique("Phone Org");
  await dialog.getByLabel("Partner organisation name").fill(name);
  await dialog.getByLabel("Logo (URL)").fill(loadableLogo);
  await dialog.getByLabel("Zuora account ID").fill("A00009999");
  await dialog.getByRole("radio", { name: "Partner", exact: true }).check();
  await dialog.getByRole("button", { name: "Create Partner Organisation" }).click();
  await expect(page.getByText(`Partner organisation "${name}" created`)).toBeVisible();
  await page.getByRole("row").filter({ hasText: name }).getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  expect(await sideScroll(page)).toBeLessThanOrEqual(0);
  const email = uniqueEmail("phone");
  await createUser(page, email, "Phone Person");
  expect(await sideScroll(page)).toBeLessThanOrEqual(0);

  // A partner user on a phone: their organisations, and the Menu to Members.
  const partner = await (await browser.newContext({ viewport: PHONE })).newPage();
  await setPassword(partner, await mailedLink(e2eOutbox, email, "invite"), "partner-password-123");
  await signInAsPartner(partner, email, "partner-password-123", name);
  await expect(partner.getByRole("heading", { level: 1 })).toHaveText("Organisations");
  expect(await sideScroll(partner)).toBeLessThanOrEqual(0);
  await expectAccessible(partner);
  await partner.getByRole("button", { name: "Menu" }).click();
  await partner.getByRole("dialog", { name }).getByRole("link", { name: "Members", exact: true }).click();
  await expect(partner.getByRole("heading", { level: 1 })).toHaveText("Members");
  await expect(partner.getByRole("dialog")).toHaveCount(0);
  expect(await sideScroll(partner)).toBeLessThanOrEqual(0);
  await expectAccessible(partner);
  for (const label of ["Reports", "Activity", "Settings"]) {
    await partner.getByRole("button", { name: "Menu" }).click();
    await partner.getByRole("dialog", { name }).getByRole("link", { name: label, exact: true }).click();
    await expect(partner.getByRole("heading", { level: 1 })).toHaveText(label);
    await partner.waitForLoadState("networkidle");
    expect(await sideScroll(partner), label).toBeLessThanOrEqual(0);
  }
});

test("on a phone, no admin page scrolls sideways", async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signInAsAdmin(page);
  for (const path of ["/organisations", "/activity", "/reports", "/settings/admins", "/settings/api-clients", "/settings/webhooks", "/settings/usage-metrics", "/api-reference"]) {
    await page.goto(path, { waitUntil: "networkidle" });
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    expect(await sideScroll(page), path).toBeLessThanOrEqual(0);
  }
});
