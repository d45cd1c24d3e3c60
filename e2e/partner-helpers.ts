import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { e2eBaseUrl } from "../playwright.config";
import { expect, signInAsAdmin } from "./fixtures";

/** The newest link of `kind` mailed to `to` in `outbox` (the app writes .eml files there). */
export async function mailedLink(outbox: string, to: string, kind: "invite" | "reset-password", after = 0): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      () => {
        link = linksTo(outbox, to, kind)[after];
        return link;
      },
      { message: `a ${kind} mail to ${to} in ${outbox}`, timeout: 15_000 },
    )
    .toBeTruthy();
  return link!;
}

export function linksTo(outbox: string, to: string, kind: "invite" | "reset-password"): string[] {
  if (!existsSync(outbox)) return [];
  const safeTo = to.replace(/[^a-zA-Z0-9@._-]/g, "_");
  return readdirSync(outbox)
    .filter((f) => f.includes(`-${safeTo}-`) && f.endsWith(".eml"))
    .sort()
    .flatMap((f) => {
      // Quoted-printable: join soft line breaks and decode escapes before looking for the link.
      const text = readFileSync(path.join(outbox, f), "utf8")
        .replace(/=\r?\n/g, "")
        .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      const m = text.match(new RegExp(`https?://[^\\s"<>]+/${kind}/[A-Za-z0-9_-]+`));
      return m ? [m[0]] : [];
    });
}

export const uniqueEmail = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@partner.example`;

/** A logo URL that loads (the app's own icon): a test browser reaches no other host. */
export const loadableLogo = `${e2eBaseUrl}/apple-icon.png`;

/** As a portal admin: creates an organisation and returns its id (the admin stays on its page). */
export async function createOrg(page: Page, name: string, logo = loadableLogo): Promise<string> {
  await page.goto("/settings/profile/partners");
  await page.getByRole("button", { name: "Create Partner" }).click();
  await page.getByLabel("Partner organisation name").fill(name);
  await page.getByLabel("Logo (URL)").fill(logo);
  await page.getByLabel("Zuora account ID").fill("A00009999");
  await page.getByRole("radio", { name: "Partner", exact: true }).check();
  await page.getByRole("button", { name: "Create Partner Organisation" }).click();
  await expect(page.getByText(`Partner organisation "${name}" created`)).toBeVisible();
  await page.getByRole("row").filter({ hasText: name }).getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  return page.url().split("/").at(-1)!;
}

/** A row of the admin org page's users table (the page also lists activity that names users). */
export const userRow = (page: Page, email: string) =>
  page.getByRole("table", { name: "Partner users" }).getByRole("row").filter({ hasText: email });

/** As a portal admin on the organisation's page: "Create user". */
export async function createUser(page: Page, email: string, name = "Partner Person") {
  await page.getByRole("button", { name: "Create user" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(userRow(page, email)).toBeVisible();
}

/** A signed-in portal admin in a browser context of its own. */
export async function adminPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAsAdmin(page);
  return page;
}

export async function setPassword(page: Page, link: string, password: string) {
  await page.goto(link, { waitUntil: "networkidle" });
  await page.getByLabel("New password").fill(password);
  await page.getByLabel("Confirm password").fill(password);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page).toHaveURL(/\/partner\?password=set$/);
}

export async function signInAsPartner(page: Page, email: string, password: string, orgName: string) {
  // The sign-in form submits through its script: wait until the page has loaded it.
  await page.goto("/partner", { waitUntil: "networkidle" });
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("partner-brand")).toHaveText(orgName);
}

/** A partner user with a password, signed in, in a browser context of their own. */
export async function partnerPage(browser: Browser, outbox: string, email: string, orgName: string, password = "partner-password-123") {
  const page = await (await browser.newContext()).newPage();
  await setPassword(page, await mailedLink(outbox, email, "invite"), password);
  await signInAsPartner(page, email, password, orgName);
  return page;
}
