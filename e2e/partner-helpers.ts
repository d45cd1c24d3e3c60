import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
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
export async function createOrg(page: Page, name: string, logo?: string): Promise<string> {
  await page.goto("/settings/profile/partners");
  // By default the icon of the app this page is on (the SSO specs run it on another port): a logo on
  // the app's own origin is the one non-public host a logo may have.
  logo ??= new URL("/apple-icon.png", page.url()).href;
  await page.getByRole("button", { name: "Create Partner" }).click();
  await page.getByLabel("Partner organisation name").fill(name);
  await page.getByLabel("Logo (URL)").fill(logo);
  await page.getByLabel("Zuora account ID").fill("A00009999");
  await page.getByRole("radio", { name: "Partner", exact: true }).check();
  await page.getByRole("button", { name: "Create Partner Organisation" }).click();
  await expect(page.getByText(`Partner organisation "${name}" created`)).toBeVisible();
  await page.getByRole("row").filter({ hasText: name }).getByRole("link", { name, exact: true }).click();
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

/**
 * Partner sign-in, email first: Email, then Continue; an address without single sign-on gets the
 * password step, which shows the address.
 */
export async function continueWithEmail(page: Page, email: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByTestId("sign-in-email")).toHaveText(email);
}

/** Signs in at /partner, which lands the partner user on their partner account, /partner/<slug>. */
export async function signInAsPartner(page: Page, email: string, password: string, orgName: string) {
  // The sign-in form submits through its script: wait until the page has loaded it.
  await page.goto("/partner", { waitUntil: "networkidle" });
  await continueWithEmail(page, email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("partner-brand")).toHaveText(orgName);
  await expect(page).toHaveURL(/\/partner\/[a-z0-9-]+$/);
}

/** The slug of the partner account a partner page is on: /partner/<slug>/… */
export const slugIn = (page: Page) => new URL(page.url()).pathname.split("/")[2]!;

/** On the admin app's partner organisation page: that partner's slug. */
export async function adminSlug(page: Page): Promise<string> {
  const text = await page.getByText(/address: \/partner\//).innerText();
  return text.match(/\/partner\/([a-z0-9-]+)/)![1]!;
}

/** The partner account's left-hand pane. */
export const pane = (page: Page) => page.getByRole("navigation", { name: "Partner account" });

/** "From the left-hand pane, click …"; each page's heading is the link's name. */
export async function openFromPane(page: Page, label: "Organisations" | "Members" | "Reports" | "Activity" | "Settings") {
  await pane(page).getByRole("link", { name: label, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(label);
}

/** A row of the Members page. */
export const memberRow = (page: Page, email: string) =>
  page.getByRole("table", { name: "Members of your partner account" }).getByRole("row").filter({ hasText: email });

/** "Add Member": User Email, a role, "Invite". */
export async function addMember(page: Page, email: string, role: "Viewer" | "Maintainer" | "Admin") {
  await page.getByRole("button", { name: "Add Member" }).click();
  const dialog = page.getByRole("dialog", { name: "Add Member" });
  await dialog.getByLabel("User Email").fill(email);
  await dialog.getByRole("radio", { name: role, exact: true }).check();
  await dialog.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  await expect(memberRow(page, email)).toContainText("Invited");
}

/** "Create an Organisation" on the Organisations page. */
export async function createOrganisation(page: Page, name: string, ids: { zuora?: string; salesforce?: string } = {}) {
  await page.getByRole("button", { name: "Create an Organisation" }).click();
  const dialog = page.getByRole("dialog", { name: "Create an Organisation" });
  await dialog.getByLabel("Organisation Name").fill(name);
  // The dialog keeps what was typed before it was closed: set every field.
  await dialog.getByLabel("Zuora account ID").fill(ids.zuora ?? "");
  await dialog.getByLabel("Salesforce account ID").fill(ids.salesforce ?? "");
  await dialog.getByRole("button", { name: "Create an Organisation" }).click();
  await expect(page.getByText(`Organisation "${name}" created.`)).toBeVisible();
  await expect(page.getByRole("table", { name: "Customer organisations" }).getByRole("link", { name, exact: true })).toBeVisible();
}

/** A partner user with a password, signed in, in a browser context of their own. */
export async function partnerPage(browser: Browser, outbox: string, email: string, orgName: string, password = "partner-password-123") {
  const page = await (await browser.newContext()).newPage();
  await setPassword(page, await mailedLink(outbox, email, "invite"), password);
  await signInAsPartner(page, email, password, orgName);
  return page;
}

const API_CLIENT = { id: "e2e-client", secret: "e2e-client-secret-0123456789-abcdef" };

/** Authorization headers of the e2e API client (the app creates it at start). */
export async function apiHeaders(request: APIRequestContext): Promise<Record<string, string>> {
  const basic = Buffer.from(`${API_CLIENT.id}:${API_CLIENT.secret}`).toString("base64");
  const res = await request.post("/api/oauth/token", { headers: { authorization: `Basic ${basic}` }, form: { grant_type: "client_credentials" } });
  expect(res.status()).toBe(200);
  return { authorization: `Bearer ${(await res.json()).access_token}` };
}

/** Customer organisations made through the REST API, quicker than the form when a test needs many. */
export async function apiOrganisation(request: APIRequestContext, headers: Record<string, string>, partnerOrgId: string, name: string): Promise<string> {
  const res = await request.post(`/api/partner-management/partner-organisation/${partnerOrgId}/organisations`, { headers, data: { name } });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()).id;
}
