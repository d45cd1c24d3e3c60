import { readFileSync } from "node:fs";
import { e2eBaseUrl, e2eOutbox } from "../playwright.config";
import { SamlIdpServer } from "../tests/helpers/saml-idp";
import { markDomainVerified } from "./domain-helpers";
import { expect, expectAccessible, test, unique } from "./fixtures";
import { adminPage, createOrg, createUser, memberRow, openFromPane, partnerPage, uniqueEmail } from "./partner-helpers";

// A partner's SAML 2.0 single sign-on end to end: a real IdP on loopback (tests/helpers/saml-idp.ts)
// takes the HTTP-Redirect AuthnRequest and auto-posts a signed SAMLResponse to the partner's ACS.
let idp: SamlIdpServer;
test.describe.configure({ timeout: 240_000 });
test.beforeAll(async () => {
  idp = new SamlIdpServer();
  await idp.start();
});
test.afterAll(async () => {
  await idp?.stop();
});

test("SAML 2.0: a partner Admin connects the IdP by its metadata and tests it; a new person of the verified domain signs in as a member; a tampered answer is refused", async ({ browser }) => {
  const admin = await adminPage(browser);
  const orgName = unique("SAML Partner");
  const orgId = await createOrg(admin, orgName);
  const adminEmail = uniqueEmail("saml-admin");
  await createUser(admin, adminEmail, "Sandra Saml");
  const domain = `saml-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.example`;

  // The partner's Admin pastes the IdP's metadata in Settings > Single sign-on.
  const pa = await partnerPage(browser, e2eOutbox, adminEmail, orgName);
  await openFromPane(pa, "Settings");
  const section = pa.getByRole("region", { name: "Single sign-on" });
  await section.getByRole("radio", { name: "SAML 2.0" }).click();
  await section.getByLabel("IdP metadata XML").fill(idp.idp.metadataXml());
  await expect(section.getByRole("textbox", { name: "SP entity ID" })).toHaveValue(`${e2eBaseUrl}/api/sso/${orgId}/saml/metadata`);
  await expect(section.getByRole("textbox", { name: "ACS URL" })).toHaveValue(`${e2eBaseUrl}/api/sso/${orgId}/saml/acs`);
  const [download] = await Promise.all([pa.waitForEvent("download"), section.getByRole("link", { name: "Download SP metadata" }).click()]);
  const spMetadata = readFileSync((await download.path())!, "utf8");
  expect(spMetadata).toContain(`entityID="${e2eBaseUrl}/api/sso/${orgId}/saml/metadata"`);
  expect(spMetadata).toContain(`Location="${e2eBaseUrl}/api/sso/${orgId}/saml/acs"`);
  expect(spMetadata).toContain('WantAssertionsSigned="true"');
  await section.getByRole("button", { name: "Save connection" }).click();
  await expect(pa.getByText("Connection saved.")).toBeVisible();
  await expectAccessible(pa);

  // Test connection: signs in once at the IdP and shows who came back; nobody is signed in.
  idp.user = { email: `tester@${domain}`, givenName: "Tess", surname: "Ter" };
  await section.getByRole("button", { name: "Test connection" }).click();
  await expect(pa).toHaveURL(new RegExp(`/partner/[a-z0-9-]+/settings$`));
  const lastTest = pa.getByTestId("sso-last-test");
  await expect(lastTest).toContainText("Succeeded");
  await expect(lastTest).toContainText(`tester@${domain}`);
  await expect(lastTest).toContainText("givenName");
  await expectAccessible(pa);

  // A portal admin vouches for the domain; the partner Admin turns SSO and just-in-time members on.
  await markDomainVerified(admin, orgId, domain);
  await pa.reload();
  await pa.getByLabel("Use single sign-on").check();
  await pa.getByLabel("Just-in-time members").check();
  await pa.getByLabel("Default role").selectOption({ label: "Viewer" });
  await pa.getByRole("button", { name: "Save sign-in settings" }).click();
  await expect(pa.getByText("Sign-in settings saved.")).toBeVisible();

  // A new person of the verified domain signs in at the IdP and lands on the partner's pages as a member.
  const newcomer = `new.person@${domain}`;
  idp.user = { email: newcomer, givenName: "Nia", surname: "Newcomer" };
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/api/sso/${orgId}/start`);
  await expect(page).toHaveURL(new RegExp(`^${e2eBaseUrl}/partner/[a-z0-9-]+$`));
  await expect(page.getByTestId("partner-brand")).toHaveText(orgName);
  await expectAccessible(page);
  await openFromPane(pa, "Members");
  await expect(memberRow(pa, newcomer)).toContainText("Viewer");

  // The IdP's answer signed with a key its metadata does not hold: refused, in words.
  idp.tamper = "other-key";
  idp.user = { email: `someone.else@${domain}`, givenName: "Mal", surname: "Lory" };
  const attacker = await (await browser.newContext()).newPage();
  await attacker.goto(`/api/sso/${orgId}/start`);
  await expect(attacker).toHaveURL(/\/partner\/sso\/refused\?reason=provider_error$/);
  await expect(attacker.getByRole("heading", { level: 1 })).toContainText("Your identity provider's answer");
  await expect(attacker.getByTestId("partner-brand")).toHaveCount(0);
  await expectAccessible(attacker);
  await pa.reload();
  await expect(memberRow(pa, `someone.else@${domain}`)).toHaveCount(0);
  idp.tamper = "none";
});
