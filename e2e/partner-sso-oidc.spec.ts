import type { Browser, Page } from "@playwright/test";
import { e2eBaseUrl, e2eOutbox } from "../playwright.config";
import { startOidcProvider } from "../tests/helpers/oidc-provider";
import { markDomainVerified } from "./domain-helpers";
import { expect, expectAccessible, signInAsAdmin, test, unique } from "./fixtures";
import { adminPage, continueWithEmail, createOrg, createUser, mailedLink, memberRow, openFromPane, partnerPage, setPassword } from "./partner-helpers";

/**
 * A partner brings its own OpenID provider: a real one (oidc-provider) on loopback, whose
 * development login form takes any login as the account id ("someone@x", a verified email).
 */
const CLIENT = { id: "partner-own-idp", secret: "partner-own-idp-secret-0123456789abcdef" };
const run = Date.now().toString(36);
const domain = `sso-${run}.example`;
const orgName = unique("OIDC Partner");
let orgId: string;
let provider: { issuer: string; close: () => Promise<void> };

test.describe.configure({ mode: "serial", timeout: 300_000 });

test.beforeAll(async ({ browser }) => {
  const admin = await adminPage(browser);
  orgId = await createOrg(admin, orgName);
  await admin.context().close();
  provider = await startOidcProvider({ id: CLIENT.id, secret: CLIENT.secret, redirectUri: `${e2eBaseUrl}/api/sso/${orgId}/oidc/callback` });
});
test.afterAll(async () => {
  await provider?.close();
});

/** At the provider: its login form, then its consent. */
async function atProvider(page: Page, login: string) {
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

/** A person signs in through the partner's single sign-on, in a browser of their own. */
async function ssoSignIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/api/sso/${orgId}/start?login_hint=${encodeURIComponent(email)}`);
  await atProvider(page, email);
  return page;
}

const ssoSection = (page: Page) => page.getByRole("region", { name: "Single sign-on" });

/** A password sign-in by the sign-in's "Use a password instead" address, in a browser of its own. */
async function passwordSignIn(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/partner?sign_in=password", { waitUntil: "networkidle" });
  await continueWithEmail(page, email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  return page;
}

test("a partner Admin sets up OpenID Connect; a new person of its verified domain joins just in time; others are refused", async ({ browser }) => {
  const admin = await adminPage(browser);
  await admin.goto(`/settings/profile/partners/${orgId}`);
  const boss = `boss@${domain}`;
  await createUser(admin, boss, "Bo Boss");

  // The partner's first user is its Admin: Settings > Single sign-on, self-serve.
  const partner = await partnerPage(browser, e2eOutbox, boss, orgName);
  await openFromPane(partner, "Settings");
  const section = ssoSection(partner);
  await expect(section.getByRole("radio", { name: "OpenID Connect" })).toBeChecked();
  await expect(section.getByRole("textbox", { name: "Redirect URI" })).toHaveValue(`${e2eBaseUrl}/api/sso/${orgId}/oidc/callback`);
  await expect(section.getByRole("button", { name: "Copy", exact: true })).toHaveAccessibleDescription("Redirect URI");
  await section.getByLabel("Issuer URL").fill(`${provider.issuer}/nowhere`);
  await section.getByLabel("Client ID").fill(CLIENT.id);
  await section.getByLabel("Client secret").fill(CLIENT.secret);
  await section.getByRole("button", { name: "Save connection" }).click();
  await expect(section.getByText(/openid-configuration answered HTTP 404/)).toBeVisible();
  await section.getByLabel("Issuer URL").fill(provider.issuer);
  await section.getByRole("button", { name: "Save connection" }).click();
  await expect(partner.getByText("Connection saved.")).toBeVisible();
  await expect(section.getByText("A client secret is stored. Leave empty to keep it.")).toBeVisible();
  await expect(section.getByLabel("Client secret")).toHaveValue("");
  await expect(section.getByLabel("Use single sign-on")).not.toBeChecked();

  // Test connection: one sign-in at the provider, reported back on the page; nobody signed in.
  const tester = `tester@${domain}`;
  await section.getByRole("button", { name: "Test connection" }).click();
  await atProvider(partner, tester);
  await expect(partner).toHaveURL(new RegExp(`/partner/[a-z0-9-]+/settings$`));
  const lastTest = partner.getByTestId("sso-last-test");
  await expect(lastTest).toContainText("Succeeded");
  await expect(lastTest).toContainText(`${tester} (verified)`);
  await expect(lastTest).toContainText(provider.issuer);
  // The domain is not verified yet: the report says what a sign-in would meet.
  await expect(lastTest).toContainText("Would be refused: This email address is not one of your partner's domains.");

  // A portal admin marks the domain verified; the partner Admin turns SSO and just-in-time members on.
  await markDomainVerified(admin, orgId, domain);
  await partner.reload();
  await section.getByLabel("Use single sign-on").check();
  await section.getByLabel("Just-in-time members").check();
  await section.getByLabel("Default role").selectOption({ label: "Maintainer" });
  await section.getByRole("button", { name: "Save sign-in settings" }).click();
  await expect(partner.getByText("Sign-in settings saved.")).toBeVisible();
  await expectAccessible(partner);

  // A new person of the domain signs in at the provider and lands on the partner's pages as a Maintainer.
  const newcomer = `new.person@${domain}`;
  const joined = await ssoSignIn(browser, newcomer);
  await expect(joined.getByTestId("partner-brand")).toHaveText(orgName);
  await expect(joined).toHaveURL(/\/partner\/[a-z0-9-]+$/);
  await openFromPane(partner, "Members");
  await expect(memberRow(partner, newcomer)).toContainText("Maintainer");
  await openFromPane(partner, "Activity");
  await expect(partner.getByRole("row").filter({ hasText: newcomer }).filter({ hasText: "Single sign-on (just-in-time)" }).first()).toBeVisible();
  await joined.context().close();

  // Email first: the partner sign-in sends a person of the verified domain to this partner's provider.
  const again = await (await browser.newContext()).newPage();
  await again.goto("/partner", { waitUntil: "networkidle" });
  await again.getByLabel("Email").fill(newcomer);
  await again.getByRole("button", { name: "Continue" }).click();
  await atProvider(again, newcomer);
  await expect(again.getByTestId("partner-brand")).toHaveText(orgName);
  await again.context().close();

  // Someone whose email (of this domain) belongs to another partner's user: refused, never moved.
  const otherOrg = await createOrg(admin, unique("Other Partner"));
  const theirs = `theirs@${domain}`;
  await createUser(admin, theirs, "Theo Theirs");
  const refused = await ssoSignIn(browser, theirs);
  await expect(refused).toHaveURL(/\/partner\/sso\/refused\?reason=other_partner$/);
  await expect(refused.getByRole("heading", { name: "This email address belongs to another partner" })).toBeVisible();
  await expectAccessible(refused);
  await admin.goto(`/settings/profile/partners/${otherOrg}`);
  await expect(admin.getByRole("table", { name: "Partner users" })).toContainText(theirs);
  await refused.context().close();

  // Just-in-time members off: a person with no account is refused as not a member.
  await openFromPane(partner, "Settings");
  await ssoSection(partner).getByLabel("Just-in-time members").uncheck();
  await ssoSection(partner).getByRole("button", { name: "Save sign-in settings" }).click();
  await expect(partner.getByText("Sign-in settings saved.")).toBeVisible();
  const late = await ssoSignIn(browser, `late@${domain}`);
  await expect(late).toHaveURL(/\/partner\/sso\/refused\?reason=not_a_member$/);
  await expect(late.getByRole("heading", { name: "You are not a member of this partner yet" })).toBeVisible();
  await late.context().close();
});

test("Require SSO stops passwords, except the break-glass Admin's, whose sign-in the portal admins see", async ({ browser }) => {
  const admin = await adminPage(browser);
  const boss = `boss@${domain}`;
  const member = `pw.member@${domain}`;
  const password = "partner-password-123";
  await admin.goto(`/settings/profile/partners/${orgId}`);
  await createUser(admin, member, "Pat Password");
  const setter = await (await browser.newContext()).newPage();
  await setPassword(setter, await mailedLink(e2eOutbox, member, "invite"), password);
  await setter.context().close();

  // Single sign-on is on but not required: the member's password still works.
  const before = await passwordSignIn(browser, member, password);
  await expect(before.getByTestId("partner-brand")).toHaveText(orgName);
  await before.context().close();

  // The partner Admin requires SSO and names themselves the break-glass Admin.
  const partner = await passwordSignIn(browser, boss, password);
  await expect(partner.getByTestId("partner-brand")).toHaveText(orgName);
  await openFromPane(partner, "Settings");
  const section = ssoSection(partner);
  await section.getByLabel("Require SSO").check();
  await section.getByLabel("Break-glass Admin").selectOption({ label: boss });
  await section.getByRole("button", { name: "Save sign-in settings" }).click();
  await expect(partner.getByText("Sign-in settings saved.")).toBeVisible();

  // The member's right password is refused now, with the way to single sign-on in words.
  const refused = await passwordSignIn(browser, member, password);
  await expect(refused.getByText(/Your partner requires single sign-on/)).toBeVisible();
  await expect(refused.getByTestId("partner-brand")).toHaveCount(0);
  await refused.context().close();

  // The break-glass Admin still signs in with a password, and the portal admins see that sign-in.
  const glass = await passwordSignIn(browser, boss, password);
  await expect(glass.getByTestId("partner-brand")).toHaveText(orgName);
  await glass.context().close();
  await admin.goto("/activity");
  await expect(admin.getByRole("row").filter({ hasText: boss }).filter({ hasText: "Break-glass Admin signed in with a password" }).first()).toBeVisible();
  await admin.context().close();
});

test("a portal admin sees the partner's single sign-on without its secret, the SAML values to give an IdP, and removes it", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto(`/settings/profile/partners/${orgId}`);
  const section = ssoSection(page);
  await expect(section.getByLabel("Issuer URL")).toHaveValue(provider.issuer);
  await expect(section.getByLabel("Client secret")).toHaveValue("");
  await expect(page.getByText(CLIENT.secret)).toHaveCount(0);
  await section.getByRole("radio", { name: "SAML 2.0" }).click();
  await expect(section.getByRole("textbox", { name: "SP entity ID" })).toHaveValue(`${e2eBaseUrl}/api/sso/${orgId}/saml/metadata`);
  await expect(section.getByRole("textbox", { name: "ACS URL" })).toHaveValue(`${e2eBaseUrl}/api/sso/${orgId}/saml/acs`);
  await expect(section.getByRole("link", { name: "Download SP metadata" })).toHaveAttribute("href", `/api/sso/${orgId}/saml/metadata?download=1`);
  await expect(section.getByLabel("IdP metadata XML")).toBeVisible();
  await expect(section.getByLabel("Upload metadata file")).toBeVisible();
  await expectAccessible(page);
  await section.getByRole("radio", { name: "OpenID Connect" }).click();
  await section.getByRole("button", { name: "Remove single sign-on" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("Remove single sign-on?");
  await expectAccessible(page);
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove", exact: true }).click();
  await expect(page.getByText("Single sign-on removed.")).toBeVisible();
  await expect(section.getByRole("button", { name: "Remove single sign-on" })).toHaveCount(0);
  await expect(section.getByLabel("Issuer URL")).toBeVisible();
});
