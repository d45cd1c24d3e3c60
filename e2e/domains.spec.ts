import { e2eDnsPort, e2eOutbox } from "../playwright.config";
import { startTxtServer } from "../tests/helpers/dns-server";
import { expect, expectAccessible, signInAsAdmin, test, unique } from "./fixtures";
import { domainRow, domainsSection, markDomainVerified } from "./domain-helpers";
import { adminPage, createOrg, createUser, mailedLink, openFromPane, setPassword, uniqueEmail } from "./partner-helpers";

// Settings > Domains: a partner proves it owns its email domain with a TXT record in its DNS (a
// real DNS server on loopback, the one the app's DNS_SERVERS names), or a portal admin vouches
// for it. Only this spec binds the DNS port.
let dns: Awaited<ReturnType<typeof startTxtServer>>;
test.beforeAll(async () => {
  dns = await startTxtServer(e2eDnsPort);
});
test.afterAll(async () => {
  await dns?.close();
});

const uniqueDomain = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.example`;

test("a portal admin marks a partner's domain as verified; Activity shows it", async ({ page }) => {
  await signInAsAdmin(page);
  const orgName = unique("Domain Partner");
  const orgId = await createOrg(page, orgName);
  const domain = uniqueDomain("marked");
  await markDomainVerified(page, orgId, domain);
  const row = domainRow(page, domain);
  await expect(row).toContainText("by a portal admin");
  await expect(row.getByRole("button", { name: /^Verify/ })).toHaveCount(0);
  await expect(row).not.toContainText("Record value");
  await expectAccessible(page);

  // Marking twice changes nothing.
  await markDomainVerified(page, orgId, domain);

  await page.goto(`/activity?org=${orgId}&action=partner_domain.marked_verified`);
  const entries = page.getByRole("row").filter({ hasText: "Domain marked as verified" });
  await expect(entries).toHaveCount(1);
  await expect(entries).toContainText("owner@e2e.example");
  await expect(entries).toContainText(domain);

  // Another partner cannot add it now.
  const other = await createOrg(page, unique("Other Partner"));
  await page.goto(`/settings/profile/partners/${other}`, { waitUntil: "networkidle" });
  await domainsSection(page).getByLabel("Domain", { exact: true }).fill(domain);
  await domainsSection(page).getByRole("button", { name: "Add domain" }).click();
  await expect(domainsSection(page).getByRole("alert")).toContainText("Another partner has already verified this domain");
  await expect(domainRow(page, domain)).toHaveCount(0);
});

test("a partner Admin adds a domain, publishes its TXT record and verifies it; public mail services and another partner's domain are refused", async ({ browser }) => {
  const admin = await adminPage(browser);
  const orgName = unique("Verifying Partner");
  await createOrg(admin, orgName);
  const email = uniqueEmail("dora");
  await createUser(admin, email, "Dora Admin");
  const taken = uniqueDomain("taken");
  await markDomainVerified(admin, await createOrg(admin, unique("Holding Partner")), taken);

  // Email first: an address whose domain has no single sign-on goes to the password step.
  const page = await (await browser.newContext()).newPage();
  await setPassword(page, await mailedLink(e2eOutbox, email, "invite"), "dora-partner-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByTestId("sign-in-email")).toHaveText(email);
  await expect(page.getByLabel("Email")).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Use another email" }).click();
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Password").fill("dora-partner-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("partner-brand")).toHaveText(orgName);

  await openFromPane(page, "Settings");
  const section = domainsSection(page);
  await expect(section.getByRole("heading", { name: "Domains" })).toBeVisible();
  await expect(section).toContainText("No domains yet.");
  await expectAccessible(page);

  // Public mail services and a domain another partner holds are refused beside the field.
  await section.getByLabel("Domain", { exact: true }).fill("Hotmail.co.uk");
  await section.getByRole("button", { name: "Add domain" }).click();
  await expect(section.getByRole("alert")).toContainText("hotmail.co.uk is a public email service");
  await section.getByLabel("Domain", { exact: true }).fill(taken);
  await section.getByRole("button", { name: "Add domain" }).click();
  await expect(section.getByRole("alert")).toContainText("Another partner has already verified this domain");
  await expect(section).toContainText("No domains yet.");

  // Added as typed, stored normalised, with the record to publish.
  const domain = uniqueDomain("acme");
  await section.getByLabel("Domain", { exact: true }).fill(` ${domain.toUpperCase()}. `);
  await section.getByRole("button", { name: "Add domain" }).click();
  const row = domainRow(page, domain);
  await expect(row).toContainText("Not verified");
  await expect(row.getByRole("button", { name: /^Mark as verified/ })).toHaveCount(0);
  const recordName = `_partner-management.${domain}`;
  await expect(row.getByText(recordName, { exact: true })).toBeVisible();
  await expect(row.getByRole("button", { name: "Copy the record name" })).toBeVisible();
  await expect(row.getByRole("button", { name: "Copy the record value" })).toBeVisible();
  const recordValue = (await row.getByText(/^partner-management-verification=/).innerText()).trim();
  expect(recordValue).toMatch(/^partner-management-verification=[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page);

  // Verify before the record is published: told so, still not verified.
  await row.getByRole("button", { name: `Verify ${domain}` }).click();
  await expect(page.getByText(`No TXT record was found at ${recordName}. DNS changes can take a while to show; try again later.`)).toBeVisible();
  await expect(row).toContainText("Not verified");

  // Published in the domain's DNS: Verify → Verified.
  dns.publish(recordName, "v=spf1 -all", recordValue);
  await row.getByRole("button", { name: `Verify ${domain}` }).click();
  await expect(page.getByText(`${domain} verified.`)).toBeVisible();
  await expect(row.getByText("Verified", { exact: true })).toBeVisible();
  await expect(row).toContainText("by DNS record");
  await expect(row.getByRole("button", { name: /^Verify/ })).toHaveCount(0);
  await expectAccessible(page);

  // Remove, with confirmation.
  await row.getByRole("button", { name: `Remove ${domain}` }).click();
  await expect(page.getByRole("alertdialog")).toContainText("Single sign-on no longer accepts");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Remove domain" }).click();
  await expect(page.getByText(`${domain} removed.`)).toBeVisible();
  await expect(row).toHaveCount(0);

  // The partner's Activity page lists the changes.
  await openFromPane(page, "Activity");
  await expect(page.getByRole("row").filter({ hasText: "Domain verified" })).toHaveCount(1);
  await expect(page.getByRole("row").filter({ hasText: "Domain removed" })).toHaveCount(1);
});
