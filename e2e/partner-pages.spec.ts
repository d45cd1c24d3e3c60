import { e2eOutbox } from "../playwright.config";
import { expect, expectAccessible, refetchesDuring, test, unique } from "./fixtures";
import {
  adminPage,
  adminSlug,
  continueWithEmail,
  createOrg,
  createUser,
  linksTo,
  loadableLogo,
  mailedLink,
  memberRow,
  openFromPane,
  partnerPage,
  setPassword,
  signInAsPartner,
  slugIn,
  uniqueEmail,
  userRow,
} from "./partner-helpers";

// Each test walks several users through several pages (and argon2 hashing) on a small machine.
test.describe.configure({ timeout: 240_000 });

test("admin creates a user → invitation mail → set password → sign in at /partner → branded page", async ({ browser }) => {
  const admin = await adminPage(browser);
  const orgName = unique("Branded Partner");
  await createOrg(admin, orgName);
  const email = uniqueEmail("jane");
  await createUser(admin, email, "Jane Partner");
  const row = userRow(admin, email);
  await expect(row).toContainText("Invited");
  await expect(row.getByRole("button", { name: `Resend invitation to ${email}` })).toBeVisible();
  await admin.reload();
  await expect(userRow(admin, email)).toContainText("Invited");
  await expectAccessible(admin);

  const link = await mailedLink(e2eOutbox, email, "invite");
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invite\/[A-Za-z0-9_-]{43}$/);

  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Set your password" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("New password").fill("short");
  await page.getByLabel("Confirm password").fill("short");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
  await setPassword(page, link, "jane-partner-password");

  // Signed out, /partner is the sign-in form.
  await expect(page.getByRole("heading", { name: "Partner sign-in" })).toBeVisible();
  await expect(page.getByText("Your password is set.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Forgot password?" })).toBeVisible();
  await expectAccessible(page);
  await continueWithEmail(page, email);
  await expectAccessible(page);
  await page.getByLabel("Password").fill("not-her-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("The email or password is not correct.")).toBeVisible();
  await signInAsPartner(page, email, "jane-partner-password", orgName);

  // White label: the organisation's logo and name on its partner account, whose address is its slug.
  const slug = slugIn(page);
  await expect(page.getByRole("banner").locator("img")).toHaveAttribute("src", loadableLogo);
  await expect.poll(() => page.getByRole("banner").locator("img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Organisations");
  await openFromPane(page, "Settings");
  await expect(page.getByText(`/partner/${slug}`)).toBeVisible();
  await expect(page.getByText("Zuora Invoice Owner")).toBeVisible();
  await expect(page.getByText(/owns the invoices: subscriptions made through you are invoiced to your account/)).toBeVisible();
  await openFromPane(page, "Members");
  const me = memberRow(page, email);
  await expect(me).toContainText("Jane Partner (you)");
  await expect(me).toContainText("Admin");
  await expect(me).toContainText("Active");
  await expectAccessible(page);

  // The used link, and a made-up one: clear pages, not errors.
  const again = await (await browser.newContext()).newPage();
  await again.goto(link);
  await expect(again.getByRole("heading", { name: "This link has already been used" })).toBeVisible();
  await expectAccessible(again);
  const garbage = await again.goto("/invite/not-a-real-token");
  expect(garbage?.status()).toBe(200);
  await expect(again.getByRole("heading", { name: "This link is not valid" })).toBeVisible();

  await admin.reload();
  await expect(userRow(admin, email)).toContainText("Active");
  // A portal admin is not a partner user: /partner shows the partner sign-in.
  await admin.goto("/partner");
  await expect(admin.getByRole("heading", { name: "Partner sign-in" })).toBeVisible();
  // And a partner user never reaches the admin app: it sends them back to their partner pages.
  await page.goto("/settings/profile/partners");
  await expect(page).toHaveURL(new RegExp(`/partner/${slug}$`));
  await expect(page.getByTestId("partner-brand")).toHaveText(orgName);
  await expect(page.getByRole("button", { name: "Create Partner" })).toHaveCount(0);
});

test("resend and revoke an invitation; forgot password answers alike and sends a working reset link", async ({ browser }) => {
  const admin = await adminPage(browser);
  const orgName = unique("Reset Partner");
  await createOrg(admin, orgName);
  const email = uniqueEmail("reset");
  await createUser(admin, email);
  const first = await mailedLink(e2eOutbox, email, "invite");
  await admin.getByRole("button", { name: `Resend invitation to ${email}` }).click();
  await expect(admin.getByText(`Invitation sent again to ${email}.`)).toBeVisible();
  const second = await mailedLink(e2eOutbox, email, "invite", 1);
  expect(second).not.toBe(first);
  await admin.getByRole("button", { name: `Revoke invitation of ${email}` }).click();
  await expect(userRow(admin, email)).toContainText("Invitation revoked");

  const page = await (await browser.newContext()).newPage();
  for (const link of [first, second]) {
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "This link is no longer valid" })).toBeVisible();
  }
  await expectAccessible(page);

  await page.goto("/partner");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/partner\/forgot-password$/);
  await expectAccessible(page);
  const answers: string[] = [];
  for (const who of [uniqueEmail("nobody"), email]) {
    await page.getByLabel("Email").fill(who);
    await page.getByRole("button", { name: "Send reset link" }).click();
    const status = page.getByRole("status").filter({ hasText: "If a partner user has this email" });
    await expect(status).toBeVisible();
    answers.push(await status.innerText());
    await page.reload();
  }
  expect(answers[0]).toBe(answers[1]);

  const reset = await mailedLink(e2eOutbox, email, "reset-password");
  await page.goto(reset);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expectAccessible(page);
  await setPassword(page, reset, "a-brand-new-password");
  await signInAsPartner(page, email, "a-brand-new-password", orgName);

  // An admin can send a reset link to an active user, never set the password. The organisation's
  // activity, open on the page, shows it at once.
  await admin.reload();
  const activity = admin.getByRole("region", { name: /^Activity/ });
  await activity.getByRole("button", { name: /^Activity/ }).click();
  const resets = activity.getByRole("row").filter({ hasText: "Password reset sent" });
  await expect(resets).toHaveCount(1);
  await admin.getByRole("button", { name: `Send password reset to ${email}` }).click();
  await expect(admin.getByText(`Password reset link sent to ${email}.`)).toBeVisible();
  await expect(resets).toHaveCount(2);
  await expect.poll(() => linksTo(e2eOutbox, email, "reset-password").length).toBe(2);
});

test("partner Admins manage the members; a stale form is refused by the server; old and foreign addresses are 404", async ({ browser }) => {
  const admin = await adminPage(browser);
  const otherOrgId = await createOrg(admin, unique("Other Org"));
  const otherSlug = await adminSlug(admin);
  const orgName = unique("Team Org");
  const orgId = await createOrg(admin, orgName);
  const alice = uniqueEmail("alice");
  await createUser(admin, alice, "Alice Admin");
  const a = await partnerPage(browser, e2eOutbox, alice, orgName);
  const slug = slugIn(a);

  // Alice (the first user, so Admin) adds Bob as an Admin.
  const bob = uniqueEmail("bob");
  await openFromPane(a, "Members");
  await a.getByRole("button", { name: "Add Member" }).click();
  await a.getByLabel("User Email").fill(bob);
  await a.getByLabel("Name").fill("Bob Builder");
  await a.getByRole("radio", { name: "Admin", exact: true }).check();
  await expectAccessible(a);
  const invited = await refetchesDuring(a, async () => {
    await a.getByRole("button", { name: "Invite" }).click();
    await expect(a.getByText(`Invitation sent to ${bob}.`)).toBeVisible();
    await expect(memberRow(a, bob)).toContainText("Invited");
  });
  expect(invited).toBe(0);
  const b = await partnerPage(browser, e2eOutbox, bob, orgName);
  await openFromPane(b, "Members");

  // Alice opens the Add Member form; meanwhile Bob makes her a Viewer; her stale form is refused on the server.
  await a.getByRole("button", { name: "Add Member" }).click();
  const carol = uniqueEmail("carol");
  await a.getByLabel("User Email").fill(carol);
  await memberRow(b, alice).getByRole("button", { name: "Edit" }).click();
  await b.getByRole("radio", { name: "Viewer", exact: true }).check();
  await b.getByRole("button", { name: "Save" }).click();
  await expect(b.getByText(`${alice} is now Viewer.`)).toBeVisible();
  await a.getByRole("button", { name: "Invite" }).click();
  await expect(a.getByText("You do not have permission to do that.")).toBeVisible();
  await a.keyboard.press("Escape");
  await a.reload();
  // As a Viewer: read only.
  await expect(memberRow(a, alice)).toContainText("Viewer");
  await expect(memberRow(a, carol)).toHaveCount(0);
  expect(linksTo(e2eOutbox, carol, "invite")).toEqual([]);
  await expect(a.getByRole("button", { name: "Add Member" })).toHaveCount(0);
  await expect(a.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await expect(a.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await expectAccessible(a);

  // Another partner's slug, or its old address, is 404; her own old address redirects to her slug.
  for (const path of [`/partner/${otherSlug}`, `/partner/${otherSlug}/members`, `/partner/orgs/${otherOrgId}`, "/partner/no-such-partner"]) {
    const other = await a.goto(path);
    expect(other?.status(), path).toBe(404);
    await expect(a.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  await expectAccessible(a);
  const own = await a.goto(`/partner/orgs/${orgId}`);
  expect(own?.status()).toBe(200);
  await expect(a).toHaveURL(new RegExp(`/partner/${slug}$`));
  await expect(a.getByTestId("partner-brand")).toHaveText(orgName);

  // Bob deletes Alice; her open session is refused at once.
  await memberRow(b, alice).getByRole("button", { name: "Delete" }).click();
  await b.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  // While the dialog is open the table is hidden from the accessibility tree: wait for the outcome.
  await expect(b.getByText(`${alice} removed.`)).toBeVisible();
  await expect(memberRow(b, alice)).toHaveCount(0);
  await a.reload();
  await expect(a.getByRole("heading", { name: "Partner sign-in" })).toBeVisible();
});

test("deleting a partner user or their organisation ends their open sessions", async ({ browser }) => {
  const admin = await adminPage(browser);
  const orgName = unique("Doomed Org");
  await createOrg(admin, orgName);
  const dan = uniqueEmail("dan");
  const eve = uniqueEmail("eve");
  await createUser(admin, dan);
  await createUser(admin, eve);
  const d = await partnerPage(browser, e2eOutbox, dan, orgName);
  const e = await partnerPage(browser, e2eOutbox, eve, orgName);
  await openFromPane(d, "Members");
  await d.getByRole("button", { name: "Add Member" }).click();
  await d.getByLabel("User Email").fill(uniqueEmail("never"));

  await admin.getByRole("button", { name: `Delete user ${dan}` }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(userRow(admin, dan)).toHaveCount(0);
  // The page still open in Dan's browser: its action is refused, and the next page load signs him out.
  await d.getByRole("button", { name: "Invite" }).click();
  await expect(d.getByText("Your session has ended. Sign in again.")).toBeVisible();
  await d.goto("/partner");
  await expect(d.getByRole("heading", { name: "Partner sign-in" })).toBeVisible();

  await e.reload();
  await expect(e.getByTestId("partner-brand")).toHaveText(orgName);
  await admin.getByLabel("Confirm that I want to delete this organisation").check();
  await admin.getByRole("button", { name: "Delete Organisation" }).click();
  await expect(admin).toHaveURL(/\/settings\/profile\/partners$/);
  await e.reload();
  await expect(e.getByRole("heading", { name: "Partner sign-in" })).toBeVisible();
});
