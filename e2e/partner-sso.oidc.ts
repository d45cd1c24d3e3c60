import type { Server } from "node:http";
import Provider from "oidc-provider";
import { oidcAppUrl, oidcClient, oidcInviteTtlSeconds, oidcIssuer, oidcIssuerPort, oidcOutbox } from "../playwright.oidc.config";
import { expect, expectAccessible, test, unique } from "./fixtures";
import { adminPage, createOrg, createUser, mailedLink, uniqueEmail, userRow } from "./partner-helpers";

/**
 * A real OpenID provider on loopback. Its development login form takes any login as the account
 * id: "someone@x" is a verified email, "unverified:someone@x" an unverified one.
 */
let issuer: Server;
test.describe.configure({ timeout: 240_000 });

test.beforeAll(async () => {
  const provider = new Provider(oidcIssuer, {
    clients: [
      {
        client_id: oidcClient.id,
        client_secret: oidcClient.secret,
        redirect_uris: [`${oidcAppUrl}/api/auth/callback/partner-sso`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"] },
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({ sub: id, email: id.replace(/^unverified:/, ""), email_verified: !id.startsWith("unverified:") }),
    }),
    cookies: { keys: ["e2e-oidc-cookie-key-0123456789abcdef"] },
  });
  await new Promise<void>((resolve) => {
    issuer = provider.listen(oidcIssuerPort, "127.0.0.1", resolve);
  });
});
test.afterAll(async () => {
  await new Promise((resolve) => issuer?.close(resolve));
});

async function ssoSignIn(page: import("@playwright/test").Page, login: string) {
  await page.goto("/partner", { waitUntil: "networkidle" });
  await page.getByRole("button", { name: "Sign in with Test SSO" }).click();
  await expect(page).toHaveURL(new RegExp(`^${oidcIssuer}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("single sign-on: a verified email of an existing partner user signs in; others are refused", async ({ browser }) => {
  const admin = await adminPage(browser);
  const orgName = unique("SSO Partner");
  await createOrg(admin, orgName);
  const email = uniqueEmail("sso");
  await createUser(admin, email, "Sam Sso");

  const page = await (await browser.newContext()).newPage();
  await page.goto("/partner");
  await expectAccessible(page);
  await ssoSignIn(page, email.toUpperCase());
  await expect(page).toHaveURL(new RegExp(`^${oidcAppUrl}/partner/[a-z0-9-]+$`));
  await expect(page.getByTestId("partner-brand")).toHaveText(orgName);
  await page.getByRole("navigation", { name: "Partner account" }).getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText("Active");
  await expectAccessible(page);
  await admin.reload();
  await expect(userRow(admin, email)).toContainText("Active");

  for (const login of [uniqueEmail("stranger"), `unverified:${email}`]) {
    const refused = await (await browser.newContext()).newPage();
    await ssoSignIn(refused, login);
    await expect(refused).toHaveURL(/\/partner\?error=sso$/);
    await expect(refused.getByRole("alert").filter({ hasText: "does not belong to a partner user" })).toBeVisible();
    await expect(refused.getByRole("heading", { name: "Partner sign-in" })).toBeVisible();
    await refused.goto("/partner");
    await expect(refused.getByTestId("partner-brand")).toHaveCount(0);
  }
});

test("an expired invitation link shows a clear page", async ({ browser }) => {
  const admin = await adminPage(browser);
  await createOrg(admin, unique("Expiring Partner"));
  const email = uniqueEmail("late");
  await createUser(admin, email);
  const link = await mailedLink(oidcOutbox, email, "invite");
  await new Promise((r) => setTimeout(r, (oidcInviteTtlSeconds + 1) * 1000));
  await admin.reload();
  await expect(userRow(admin, email)).toContainText("Invitation expired");
  const page = await (await browser.newContext()).newPage();
  const response = await page.goto(link);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "This link has expired" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Get a new link to set your password" })).toBeVisible();
  await expectAccessible(page);
});
