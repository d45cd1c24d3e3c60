import type { Page } from "@playwright/test";
import { e2eOutbox } from "../playwright.config";
import { expect, signInAsAdmin, test, unique } from "./fixtures";
import { adminPage, createOrg, createUser, mailedLink, uniqueEmail } from "./partner-helpers";

/**
 * What someone types must never vanish: every form is typed into the moment it can be, right
 * after navigating to it or opening it, and must still hold the text (and send it) afterwards.
 */
async function typeAtOnce(page: Page, fields: Record<string, string>) {
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
}
async function expectKept(page: Page, fields: Record<string, string>) {
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(300);
  for (const [label, value] of Object.entries(fields)) await expect(page.getByLabel(label, { exact: true })).toHaveValue(value);
}

test("Forgot password? opened from the partner sign-in keeps what is typed at once (and the way back too)", async ({ browser }) => {
  for (let i = 0; i < 5; i++) {
    const page = await (await browser.newContext()).newPage();
    await page.goto("/partner");
    await page.getByRole("link", { name: "Forgot password?" }).click();
    const email = uniqueEmail(`typed-${i}`);
    await typeAtOnce(page, { Email: email });
    await expect(page).toHaveURL(/\/partner\/forgot-password$/);
    await expectKept(page, { Email: email });
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByRole("status").filter({ hasText: "If a partner user has this email" })).toBeVisible();

    // The partner sign-in asks for the email first (the password comes after Continue).
    await page.getByRole("link", { name: "Back to sign-in" }).click();
    await typeAtOnce(page, { Email: email });
    await expect(page.getByRole("heading", { name: "Partner sign-in" })).toBeVisible();
    await expectKept(page, { Email: email });
    await page.context().close();
  }
});

test("sign-in and password pages keep what is typed before they have finished loading", async ({ browser }) => {
  const admin = await adminPage(browser);
  await createOrg(admin, unique("Typing Org"));
  const email = uniqueEmail("typing");
  await createUser(admin, email);
  const link = await mailedLink(e2eOutbox, email, "invite");

  const page = await (await browser.newContext()).newPage();
  for (const [path, fields] of [
    ["/", { Email: "someone@e2e.example", Password: "typed-at-once" }],
    ["/partner", { Email: email }],
    ["/partner/forgot-password", { Email: email }],
  ] as const) {
    await page.goto(path, { waitUntil: "commit" });
    await typeAtOnce(page, fields);
    await expectKept(page, fields);
  }
  // From the admin sign-in to the partner sign-in, typing at once.
  await page.goto("/");
  await page.getByRole("link", { name: "Sign in to your partner pages" }).click();
  await typeAtOnce(page, { Email: email });
  await expect(page.getByRole("heading", { name: "Partner sign-in" })).toBeVisible();
  await expectKept(page, { Email: email });

  // The set-password page: typed before it has loaded, and what was typed is what is set.
  await page.goto(link, { waitUntil: "commit" });
  const password = { "New password": "typed-before-load-1", "Confirm password": "typed-before-load-1" };
  await typeAtOnce(page, password);
  await expectKept(page, password);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page).toHaveURL(/\/partner\?password=set$/);
  await typeAtOnce(page, { Email: email });
  await page.getByRole("button", { name: "Continue" }).click();
  // The password step, typed into the moment it shows.
  await typeAtOnce(page, { Password: password["New password"] });
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("partner-brand")).toBeVisible();
});

test("dialogs keep what is typed the moment they open", async ({ page }) => {
  await signInAsAdmin(page);
  const orgId = await createOrg(page, unique("Dialog Org"));
  const dialogs: Array<{ path: string; open: string; field: string; value: string }> = [
    { path: "/settings/profile/partners", open: "Create Partner", field: "Partner organisation name", value: "Typed Partner" },
    { path: "/settings/profile/partners", open: "Invite Partner", field: "Primary contact name", value: "Typed Contact" },
    { path: `/settings/profile/partners/${orgId}`, open: "Create user", field: "Name", value: "Typed Person" },
    { path: `/settings/profile/partners/${orgId}`, open: "Edit", field: "Partner organisation name", value: "Typed New Name" },
    { path: "/settings/admins", open: "Invite admin", field: "Email address", value: "typed@admins.example" },
    { path: "/settings/api-clients", open: "Create API client", field: "Name", value: "Typed client" },
  ];
  for (const d of dialogs) {
    await page.goto(d.path);
    await page.getByRole("button", { name: d.open, exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(d.field).fill(d.value);
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(300);
    await expect(dialog.getByLabel(d.field), `${d.open}: ${d.field}`).toHaveValue(d.value);
    await page.keyboard.press("Escape");
  }
});
