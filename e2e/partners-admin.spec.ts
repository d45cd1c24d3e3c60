import { expect, expectAccessible, refetchesDuring, signInAsAdmin, test, unique } from "./fixtures";

test("signed out, / shows the sign-in form and a wrong password is refused", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByLabel("Email")).toBeVisible();
  await expect(page.getByLabel("Password")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Email").fill("owner@e2e.example");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("The email or password is not correct.")).toBeVisible();
  await page.goto("/settings/profile/partners");
  await expect(page).toHaveURL(/\/$/);
});

test("Limio's steps: create a partner, add users, edit, delete", async ({ page }) => {
  test.setTimeout(240_000); // the whole seed walk, with an accessibility scan on every page
  await signInAsAdmin(page);
  // Settings > Profile > Partners
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Profile", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Partners", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/profile\/partners$/);
  await expectAccessible(page);

  const name = unique("Acme Resellers");
  await page.getByRole("button", { name: "Create Partner" }).click();
  // Errors beside their fields, in the browser, before anything is sent.
  await page.getByRole("button", { name: "Create Partner Organisation" }).click();
  await expect(page.getByText("Partner organisation name is required.")).toBeVisible();
  await expect(page.getByText("Zuora account ID is required.")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Partner organisation name").fill(name);
  await page.getByLabel("Logo (URL)").fill("javascript:alert(1)");
  await page.getByLabel("Zuora account ID").fill("A00001234");
  await page.getByRole("radio", { name: "End customer" }).check();
  await page.getByRole("button", { name: "Create Partner Organisation" }).click();
  await expect(page.getByText("Logo must be an http:// or https:// URL.")).toBeVisible();
  await page.getByLabel("Logo (URL)").fill("https://example.com/logo.png");
  await page.getByRole("button", { name: "Create Partner Organisation" }).click();
  await expect(page.getByText(`Partner organisation "${name}" created`)).toBeVisible();

  // It appears in the table with its ID.
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row).toContainText("A00001234");
  await expect(row).toContainText("End customer");
  const id = (await row.getByRole("cell").first().innerText()).trim();
  expect(id).toMatch(/^[0-9a-f-]{36}$/);

  // Search by the ID finds exactly that organisation; the state is in the URL.
  await page.getByLabel("Search", { exact: true }).fill(id);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`q=${id}`));
  await expect(page.getByRole("row")).toHaveCount(2);

  await row.getByRole("link", { name }).click();
  await expect(page).toHaveURL(new RegExp(`/settings/profile/partners/${id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(page.getByText(id).first()).toBeVisible();
  await expectAccessible(page);

  // Create user; a duplicate email (another case) is refused beside the field.
  const email = `${Date.now().toString(36)}@partner.example`;
  await page.getByRole("button", { name: "Create user" }).click();
  await page.getByLabel("Name").fill("Jane Partner");
  await page.getByLabel("Email address").fill(email);
  await expectAccessible(page);
  // Each change shows on the page at once, with no reload and no second fetch of the page.
  const created = await refetchesDuring(page, async () => {
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("row").filter({ hasText: email })).toBeVisible();
  });
  expect(created).toBe(0);
  await page.getByRole("button", { name: "Create user" }).click();
  await page.getByLabel("Name").fill("Jane Again");
  await page.getByLabel("Email address").fill(email.toUpperCase());
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("dialog").getByText("already exists")).toBeVisible();
  await page.keyboard.press("Escape");

  // Edit: only the name and the logo.
  await page.getByRole("button", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("textbox")).toHaveCount(2);
  await dialog.getByLabel("Partner organisation name").fill(`${name} Ltd`);
  await dialog.getByLabel("Logo (URL)").fill("https://example.com/new.png");
  const edited = await refetchesDuring(page, async () => {
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`${name} Ltd`);
    await expect(page.getByText("https://example.com/new.png")).toBeVisible();
  });
  expect(edited).toBe(0);

  // Delete a user, with confirmation.
  await page.getByRole("button", { name: `Delete user ${email}` }).click();
  const deleted = await refetchesDuring(page, async () => {
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
    await expect(page.getByRole("row").filter({ hasText: email })).toHaveCount(0);
  });
  expect(deleted).toBe(0);

  // Delete the organisation: the checkbox enables the button.
  const del = page.getByRole("button", { name: "Delete Organisation" });
  await expect(del).toBeDisabled();
  await page.getByLabel("Confirm that I want to delete this organisation").check();
  await del.click();
  await expect(page).toHaveURL(/\/settings\/profile\/partners$/);
  await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0);
  await page.goto(`/settings/profile/partners/${id}`);
  await expect(page.getByText(/could not be found|not found/i).first()).toBeVisible();
});
