import { e2eDnsPort } from "../playwright.config";
import { startTxtServer } from "../tests/helpers/dns-server";
import { expect, expectAccessible, signInAsAdmin, test, unique } from "./fixtures";
import { addDomain, domainRow, domainsSection, markDomainVerified } from "./domain-helpers";
import { createOrg } from "./partner-helpers";

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
  void addDomain;
});
