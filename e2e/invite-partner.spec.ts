import { e2eOutbox } from "../playwright.config";
import { expect, expectAccessible, signInAsAdmin, test, unique } from "./fixtures";
import { mailedLink, setPassword, uniqueEmail } from "./partner-helpers";

test("Invite Partner → the contact sets a password → partner form → approved", async ({ page, browser }) => {
  await signInAsAdmin(page);
  const name = unique("Invited Org");
  const email = uniqueEmail("contact");
  await page.getByRole("button", { name: "Invite Partner" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Invite Partner" }).click();
  await expect(dialog.getByText("Partner organisation name is required.")).toBeVisible();
  await dialog.getByLabel("Partner organisation name").fill(name);
  await dialog.getByLabel("Primary contact name").fill("Pat Contact");
  await dialog.getByLabel("Primary contact email").fill(email);
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Invite Partner" }).click();
  await expect(page.getByText(`Partner organisation "${name}" invited.`)).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Pending");
  await row.getByRole("link", { name }).click();
  await expect(page.getByText(`Pat Contact · ${email}`)).toBeVisible();

  const partner = await (await browser.newContext()).newPage();
  await setPassword(partner, await mailedLink(e2eOutbox, email, "invite"), "contact-password-123");
  await partner.getByLabel("Email").fill(email);
  await partner.getByLabel("Password").fill("contact-password-123");
  await partner.getByRole("button", { name: "Sign in" }).click();
  await expect(partner.getByTestId("partner-brand")).toHaveText(name);

  await partner.goto("/partner/complete");
  await expect(partner.getByRole("heading", { name: "Partner form" })).toBeVisible();
  await expect(partner.getByLabel("Partner organisation name")).toHaveValue(name);
  await partner.getByRole("button", { name: "Submit partner form" }).click();
  await expect(partner.getByText("Zuora account ID is required.")).toBeVisible();
  await expectAccessible(partner);
  await partner.getByLabel("Zuora account ID").fill("A00077777");
  await partner.getByRole("radio", { name: "End customer" }).check();
  await partner.getByRole("button", { name: "Submit partner form" }).click();
  await expect(partner).toHaveURL(/\/partner$/);
  // The approved organisation's pages, with no reload: its details and its team.
  await expect(partner.getByText("A00077777", { exact: true })).toBeVisible();
  await expect(partner.getByRole("heading", { name: "Team" })).toBeVisible();
  await partner.goto("/partner/complete");
  await expect(partner).toHaveURL(/\/partner$/);

  await page.reload();
  await expect(page.locator("main").getByText("Approved", { exact: true })).toBeVisible();
  await expect(page.getByText("A00077777", { exact: true })).toBeVisible();
  const activity = page.getByRole("region", { name: /^Activity/ });
  await activity.getByRole("button", { name: /^Activity/ }).click();
  await expect(activity.getByRole("row").filter({ hasText: "Partner form submitted" })).toBeVisible();
});
