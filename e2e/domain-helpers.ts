import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** The Domains section of the page (partner settings or the admin app's partner page). */
export const domainsSection = (page: Page) => page.getByRole("region", { name: "Domains" });

/** A row of the Domains table. */
export const domainRow = (page: Page, domain: string) =>
  domainsSection(page)
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: domain, exact: true }) });

/** On a page with the Domains section: "Add domain" with `domain`; it is listed as Not verified. */
export async function addDomain(page: Page, domain: string): Promise<void> {
  const section = domainsSection(page);
  await section.getByLabel("Domain", { exact: true }).fill(domain);
  await section.getByRole("button", { name: "Add domain" }).click();
  await expect(domainRow(page, domain.trim().toLowerCase().replace(/\.$/, ""))).toContainText("Not verified");
}

/**
 * As a signed-in portal admin (`page`): opens the partner's page in the admin app, adds `domain`
 * to it and marks it as verified there (no DNS record needed). Leaves the page on the partner's page.
 */
export async function markDomainVerified(page: Page, partnerOrgId: string, domain: string): Promise<void> {
  await page.goto(`/settings/profile/partners/${partnerOrgId}`, { waitUntil: "networkidle" });
  await expect(domainsSection(page)).toBeVisible();
  const row = domainRow(page, domain);
  if ((await row.count()) === 0) await addDomain(page, domain);
  if (!(await row.getByText("Verified", { exact: true }).isVisible())) {
    await row.getByRole("button", { name: /^Mark as verified/ }).click();
    await expect(row.getByText("Verified", { exact: true })).toBeVisible();
  }
}
