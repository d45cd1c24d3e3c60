import { e2eOutbox } from "../playwright.config";
import { expect, expectAccessible, refetchesDuring, signInAsAdmin, test } from "./fixtures";
import { mailedLink } from "./partner-helpers";

const uniqueAdminEmail = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@admins.example`;

test("an Owner invites a Viewer; the Viewer sees the admins but no controls, and the last Owner stays", async ({ page, browser }) => {
  await signInAsAdmin(page);
  await page.getByRole("link", { name: "Admins", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Admins", level: 1 })).toBeVisible();
  await expectAccessible(page);

  // The only Owner cannot demote itself: the server refuses and the role stays.
  const me = page.getByRole("row").filter({ hasText: "owner@e2e.example" });
  await me.getByRole("combobox", { name: "Role of owner@e2e.example" }).selectOption("viewer");
  await expect(page.getByText("There must always be at least one Owner.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Role of owner@e2e.example" })).toHaveValue("owner");

  // Invite a Viewer.
  const email = uniqueAdminEmail("viewer");
  await page.getByRole("button", { name: "Invite admin" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email address").fill(email);
  await dialog.getByLabel("Role").selectOption("viewer");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("Invited");

  // A role change shows at once: the select follows the role the server renders, with no second fetch.
  const role = row.getByRole("combobox", { name: `Role of ${email}` });
  const changes = await refetchesDuring(page, async () => {
    await role.selectOption("admin");
    await expect(page.getByText(`${email} is now Admin.`)).toBeVisible();
    await expect(role).toHaveValue("admin");
    await role.selectOption("viewer");
    await expect(page.getByText(`${email} is now Viewer.`)).toBeVisible();
    await expect(role).toHaveValue("viewer");
  });
  expect(changes).toBe(0);

  // The Viewer sets a password through the invitation link and signs in.
  const viewer = await (await browser.newContext()).newPage();
  await viewer.goto(await mailedLink(e2eOutbox, email, "invite"));
  await viewer.getByLabel("New password").fill("viewer-password-123");
  await viewer.getByLabel("Confirm password").fill("viewer-password-123");
  await viewer.getByRole("button", { name: "Set password" }).click();
  await expect(viewer).toHaveURL(/\/\?password=set$/);
  await signInAsAdmin(viewer, email, "viewer-password-123");
  await viewer.goto("/settings/admins");
  await expect(viewer.getByRole("row").filter({ hasText: email })).toContainText("Active");
  await expect(viewer.getByText("You are a Viewer")).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Invite admin" })).toHaveCount(0);
  // No role pickers in the page (the header's Theme control is every user's own).
  await expect(viewer.getByRole("main").getByRole("combobox")).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: /^Remove admin/ })).toHaveCount(0);
  await expectAccessible(viewer);
  // No write controls on the partners page either.
  await viewer.goto("/settings/profile/partners");
  await expect(viewer.getByRole("button", { name: "Create Partner" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Invite Partner" })).toHaveCount(0);

  // The Owner removes the Viewer: their session ends at once.
  await page.reload();
  await page.getByRole("row").filter({ hasText: email }).getByRole("button", { name: `Remove admin ${email}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText(`${email} removed.`)).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: email })).toHaveCount(0);
  await viewer.goto("/settings/admins");
  await expect(viewer).toHaveURL(/\/$/);

  // Both are in the audit trail.
  await page.goto(`/activity?action=admin.removed`);
  await expect(page.getByRole("row").filter({ hasText: email }).first()).toContainText("Admin removed");
});

test("an Owner ends an admin's sessions, and \"Sign out everywhere\" signs an admin out of every browser", async ({ page, browser }) => {
  await signInAsAdmin(page);
  await page.goto("/settings/admins");
  const email = uniqueAdminEmail("sessions");
  await page.getByRole("button", { name: "Invite admin" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email address").fill(email);
  await dialog.getByLabel("Role").selectOption("admin");
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();

  // The admin sets a password and signs in on two browsers.
  const laptop = await (await browser.newContext()).newPage();
  await laptop.goto(await mailedLink(e2eOutbox, email, "invite"));
  await laptop.getByLabel("New password").fill("sessions-password-123");
  await laptop.getByLabel("Confirm password").fill("sessions-password-123");
  await laptop.getByRole("button", { name: "Set password" }).click();
  await expect(laptop).toHaveURL(/\/\?password=set$/);
  await signInAsAdmin(laptop, email, "sessions-password-123");
  const phone = await (await browser.newContext()).newPage();
  await signInAsAdmin(phone, email, "sessions-password-123");

  // The Owner ends them: both browsers are signed out.
  await page.reload();
  await page.getByRole("row").filter({ hasText: email }).getByRole("button", { name: `End sessions of ${email}` }).click();
  await expectAccessible(page);
  await page.getByRole("alertdialog").getByRole("button", { name: "End sessions" }).click();
  await expect(page.getByText(`${email} was signed out everywhere.`)).toBeVisible();
  for (const p of [laptop, phone]) {
    await p.goto("/settings/admins");
    await expect(p).toHaveURL(/\/$/);
  }

  // Signed in again on both; "Sign out everywhere" on one signs the other out too.
  await signInAsAdmin(laptop, email, "sessions-password-123");
  await signInAsAdmin(phone, email, "sessions-password-123");
  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop).toHaveURL(/\/$/);
  await phone.goto("/settings/admins");
  await expect(phone).toHaveURL(/\/$/);
});

test("the admin sign-in page offers \"Forgot password?\"", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page.getByRole("heading", { name: "Forgot password?", level: 1 })).toBeVisible();
  await page.getByLabel("Email").fill("nobody@admins.example");
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(/If a portal admin has this email, we have sent a link/)).toBeVisible();
  await expectAccessible(page);
});
