import { expect, expectAccessible, signInAsAdmin, test, unique } from "./fixtures";
import { createOrg } from "./partner-helpers";

test("changes appear on the Activity page with filters in the URL and links to their target", async ({ page }) => {
  await signInAsAdmin(page);
  const name = unique("Audited Org");
  const id = await createOrg(page, name);
  // The org page shows its own activity.
  const section = page.getByRole("region", { name: /^Activity/ });
  await section.getByRole("button", { name: /^Activity/ }).click();
  await expect(section.getByRole("row").filter({ hasText: "Organisation created" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Activity", exact: true }).first().click();
  await expect(page.getByRole("heading", { name: "Activity", level: 1 })).toBeVisible();
  await page.getByLabel("Organisation ID").fill(id);
  await page.getByLabel("Action").selectOption("partner_org.created");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`org=${id}.*action=partner_org.created|action=partner_org.created.*org=${id}`));
  const rows = page.getByRole("row").filter({ hasText: "Organisation created" });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("owner@e2e.example");
  await expect(rows).toContainText(name);
  await expectAccessible(page);
  await rows.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/settings/profile/partners/${id}$`));

  // A date range in the past finds nothing.
  await page.goto(`/activity?org=${id}&to=2000-01-01`);
  await expect(page.getByText("No activity matches.")).toBeVisible();
});
