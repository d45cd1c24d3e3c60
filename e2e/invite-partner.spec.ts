import { e2eOutbox } from "../playwright.config";
import { expect, expectAccessible, signInAsAdmin, test, unique } from "./fixtures";
import { continueWithEmail, mailedLink, setPassword, uniqueEmail } from "./partner-helpers";

/** The slug a name gets: `unique` names are ASCII words, spaces and a lowercase suffix. */
const slugOf = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-");

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
  await row.getByRole("link", { name, exact: true }).click();
  await expect(page.getByText(`Pat Contact · ${email}`)).toBeVisible();

  const partner = await (await browser.newContext()).newPage();
  await setPassword(partner, await mailedLink(e2eOutbox, email, "invite"), "contact-password-123");
  await continueWithEmail(partner, email);
  await partner.getByLabel("Password").fill("contact-password-123");
  await partner.getByRole("button", { name: "Sign in" }).click();
  await expect(partner.getByTestId("partner-brand")).toHaveText(name);
  // A pending organisation's Admin lands on the partner form, whatever partner page they ask for.
  await expect(partner).toHaveURL(/\/partner\/complete$/);
  await partner.goto(`/partner/${slugOf(name)}/members`);
  await expect(partner).toHaveURL(/\/partner\/complete$/);

  await partner.goto("/partner/complete");
  await expect(partner.getByRole("heading", { name: "Partner form" })).toBeVisible();
  await expect(partner.getByLabel("Partner organisation name")).toHaveValue(name);
  await partner.getByRole("button", { name: "Submit partner form" }).click();
  await expect(partner.getByText("Zuora account ID is required.")).toBeVisible();
  await expectAccessible(partner);
  await partner.getByLabel("Zuora account ID").fill("A00077777");
  await partner.getByRole("radio", { name: "End customer" }).check();
  await partner.getByRole("button", { name: "Submit partner form" }).click();
  // Approved, with no reload: the partner account opens at its slug, made from the organisation's name.
  const account = new RegExp(`/partner/${slugOf(name)}$`);
  await expect(partner).toHaveURL(account);
  await expect(partner.getByRole("heading", { level: 1 })).toHaveText("Organisations");
  await partner.getByRole("navigation", { name: "Partner account" }).getByRole("link", { name: "Settings" }).click();
  await expect(partner.getByText("A00077777", { exact: true })).toBeVisible();
  await partner.goto("/partner/complete");
  await expect(partner).toHaveURL(account);

  await page.reload();
  await expect(page.locator("main").getByText("Approved", { exact: true })).toBeVisible();
  await expect(page.getByText("A00077777", { exact: true })).toBeVisible();
  const activity = page.getByRole("region", { name: /^Activity/ });
  await activity.getByRole("button", { name: /^Activity/ }).click();
  await expect(activity.getByRole("row").filter({ hasText: "Partner form submitted" })).toBeVisible();
});
