import type { Page } from "@playwright/test";
import { e2eOutbox } from "../playwright.config";
import { expect, expectAccessible, signInAsAdmin, test, unique } from "./fixtures";
import { createOrg, createUser, partnerPage, signInAsPartner, uniqueEmail, userRow } from "./partner-helpers";

/** Finds a partner by name in a partner finder and picks it in the select beside it. */
async function pickPartner(scope: ReturnType<Page["getByRole"]> | Page, selectLabel: string, name: string) {
  await scope.getByLabel("Find a partner").fill(name);
  await scope.getByRole("button", { name: "Find" }).click();
  await expect(scope.getByRole("status").filter({ hasText: "1 partner found." })).toBeVisible();
  await scope.getByLabel(selectLabel, { exact: true }).selectOption({ label: name });
}

const customerTable = (page: Page) => page.getByRole("table", { name: "Customer organisations" });

test("a portal admin creates, edits, moves between partners and to No partner, and deletes an organisation", async ({ page }) => {
  test.setTimeout(300_000);
  await signInAsAdmin(page);
  const nameA = unique("First Partner");
  const nameB = unique("Second Partner");
  const idA = await createOrg(page, nameA);
  const idB = await createOrg(page, nameB);

  await page.getByRole("link", { name: "Organisations", exact: true }).click();
  await expect(page).toHaveURL(/\/organisations$/);
  await expect(page.getByRole("heading", { name: "Organisations", level: 1 })).toBeVisible();
  await expectAccessible(page);

  // Create an Organisation: errors beside the fields, then under the first partner.
  const name = unique("Globex Customer");
  await page.getByRole("button", { name: "Create an Organisation" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Create an Organisation" }).click();
  await expect(dialog.getByText("Organisation name is required.")).toBeVisible();
  await dialog.getByLabel("Organisation Name").fill(name);
  await dialog.getByLabel("Salesforce account ID").fill("001000000000001AAB");
  await dialog.getByRole("button", { name: "Create an Organisation" }).click();
  await expect(dialog.getByText("Enter a valid 15- or 18-character Salesforce account ID.")).toBeVisible();
  await dialog.getByLabel("Salesforce account ID").fill("001000000000001AAA");
  await pickPartner(dialog, "Partner", nameA);
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Create an Organisation" }).click();
  await expect(page.getByText(`Organisation "${name}" created.`)).toBeVisible();

  // Search finds it, with its partner; the state is in the URL.
  await page.getByLabel("Search", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/q=Globex/);
  const row = customerTable(page).getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(nameA);
  await row.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  const orgUrl = page.url();
  await expectAccessible(page);

  // Edit: rename and add the Zuora account ID.
  await page.getByRole("button", { name: "Edit" }).click();
  await page.getByRole("dialog").getByLabel("Organisation Name").fill(`${name} Ltd`);
  await page.getByRole("dialog").getByLabel("Zuora account ID").fill("C-ZUORA-1");
  await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${name} Ltd`);
  await expect(page.getByText("C-ZUORA-1")).toBeVisible();

  // Move Organisation to another Partner: from the first to the second.
  const move = page.getByRole("region", { name: "Move Organisation to another Partner" });
  await pickPartner(move, "Partner", nameB);
  await expectAccessible(page);
  await move.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Organisation moved to the chosen partner.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Details" }).getByRole("link", { name: nameB })).toBeVisible();

  // The first partner stops seeing it at once; the second lists it, and its delete says it would be kept.
  await page.goto(`/settings/profile/partners/${idA}`);
  await expect(customerTable(page).getByText("This partner has no customer organisations yet.")).toBeVisible();
  await page.goto(`/settings/profile/partners/${idB}`);
  await expect(customerTable(page).getByRole("link", { name: `${name} Ltd` })).toBeVisible();
  await expect(page.getByText('not deleted: it becomes "No partner"')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /All 1 organisations of this partner/ }).click();
  await expect(page).toHaveURL(new RegExp(`partner=${idB}`));
  await expect(customerTable(page).getByRole("row")).toHaveCount(2);

  // To "No partner".
  await page.goto(orgUrl);
  await move.getByLabel("Partner", { exact: true }).selectOption({ label: "No partner" });
  await move.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Organisation moved to No partner.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Details" }).getByText("No partner")).toBeVisible();
  await page.goto(`/organisations?partner=none&q=${encodeURIComponent(name)}`);
  await expect(customerTable(page).getByRole("row").filter({ hasText: name })).toContainText("No partner");
  await page.goto(`/settings/profile/partners/${idB}`);
  await expect(customerTable(page).getByText("This partner has no customer organisations yet.")).toBeVisible();

  // The first partner's trail shows the move away from it (recorded under the second partner).
  await page.goto(`/activity?org=${idA}`);
  await expect(page.getByRole("table").getByText("Customer organisation moved").first()).toBeVisible();
  await expect(page.getByRole("table").getByText("Customer organisation created").first()).toBeVisible();

  // Delete: the checkbox enables the button.
  await page.goto(orgUrl);
  const del = page.getByRole("button", { name: "Delete Organisation" });
  await expect(del).toBeDisabled();
  await page.getByLabel("Confirm that I want to delete this organisation.").check();
  await del.click();
  await expect(page).toHaveURL(/\/organisations$/);
  await page.goto(orgUrl);
  await expect(page.getByText(/could not be found|not found/i).first()).toBeVisible();
});

test("a portal admin moves a partner user to another partner: same sign-in, new role, signed out", async ({ page, browser }) => {
  test.setTimeout(300_000);
  await signInAsAdmin(page);
  const nameA = unique("Wrong Partner");
  const nameB = unique("Right Partner");
  const idB = await createOrg(page, nameB);
  const idA = await createOrg(page, nameA);
  const email = uniqueEmail("moving");
  await createUser(page, email, "Moving Person");
  const partner = await partnerPage(browser, e2eOutbox, email, nameA);

  await userRow(page, email).getByRole("button", { name: `Move user ${email} to another partner` }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText("keeps their sign-in and history")).toBeVisible();
  await dialog.getByRole("button", { name: "Move user" }).click();
  await expect(dialog.getByText("Choose the partner organisation to move the user to.")).toBeVisible();
  await pickPartner(dialog, "Partner organisation", nameB);
  await dialog.getByLabel("Role").selectOption({ label: "Maintainer" });
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Move user" }).click();
  await expect(page.getByText(`${email} moved to the other partner.`)).toBeVisible();
  await expect(userRow(page, email)).toHaveCount(0);
  expect(page.url()).toContain(idA);
  await page.goto(`/settings/profile/partners/${idB}`);
  await expect(userRow(page, email)).toContainText("Maintainer");

  // Their session ended; the same password signs them in to the new partner.
  await partner.reload();
  await expect(partner.getByRole("button", { name: "Continue" })).toBeVisible();
  await signInAsPartner(partner, email, "partner-password-123", nameB);
});
