import { e2eOutbox } from "../playwright.config";
import { expect, expectAccessible, test, unique } from "./fixtures";
import {
  addMember,
  adminPage,
  adminSlug,
  apiHeaders,
  apiOrganisation,
  createOrg,
  createOrganisation,
  createUser,
  linksTo,
  mailedLink,
  memberRow,
  openFromPane,
  pane,
  partnerPage,
  slugIn,
  uniqueEmail,
} from "./partner-helpers";

// The partner account in the public partner-account documentation's steps, walked by each role. Several users, pages and argon2 hashes each.
test.describe.configure({ timeout: 300_000 });

const organisations = (page: import("@playwright/test").Page) => page.getByRole("table", { name: "Customer organisations" });

test("the partner account as an Admin: organisations, members, activity, and the pane's other pages", async ({ browser, request }) => {
  const admin = await adminPage(browser);
  const orgName = unique("Seed Partner");
  const orgId = await createOrg(admin, orgName);
  const email = uniqueEmail("ada");
  await createUser(admin, email, "Ada Admin");
  const page = await partnerPage(browser, e2eOutbox, email, orgName);
  const slug = slugIn(page);
  expect(slug).toBe(await adminSlug(admin));

  // The landing page is Organisations, beside the left-hand pane.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Organisations");
  for (const label of ["Organisations", "Members", "Reports", "Activity", "Settings"]) {
    await expect(pane(page).getByRole("link", { name: label, exact: true })).toBeVisible();
  }
  await expect(pane(page).getByRole("link", { name: "Organisations" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("Your partner account has no organisations yet.")).toBeVisible();
  await expectAccessible(page);

  // "Create an Organisation": the name is required, the optional IDs are checked.
  await page.getByRole("button", { name: "Create an Organisation" }).click();
  const dialog = page.getByRole("dialog", { name: "Create an Organisation" });
  await dialog.getByRole("button", { name: "Create an Organisation" }).click();
  await expect(dialog.getByText("Organisation name is required.")).toBeVisible();
  await dialog.getByLabel("Organisation Name").fill("Never Made");
  await dialog.getByLabel("Salesforce account ID").fill("not-an-id");
  await dialog.getByRole("button", { name: "Create an Organisation" }).click();
  await expect(dialog.getByText("Enter a valid 15- or 18-character Salesforce account ID.")).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await createOrganisation(page, "Globex Foods", { zuora: "C0000001" });
  await createOrganisation(page, "Initech Labs");

  // Enough organisations for two pages: sort, keyset paging and search, all in the URL.
  const headers = await apiHeaders(request);
  for (let i = 1; i <= 10; i++) await apiOrganisation(request, headers, orgId, `Bulk Customer ${String(i).padStart(2, "0")}`);
  await page.goto(`/partner/${slug}?size=10`);
  await expect(page.getByText("10 shown of 12 organisations")).toBeVisible();
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(page.getByText("2 shown of 12 organisations")).toBeVisible();
  await expect(organisations(page).getByRole("link", { name: "Initech Labs" })).toBeVisible();
  await page.getByRole("link", { name: "Previous page" }).click();
  await expect(organisations(page).getByRole("link", { name: "Bulk Customer 01" })).toBeVisible();
  await organisations(page).getByRole("link", { name: /^Name/ }).click();
  await expect(page).toHaveURL(/sort=name&dir=desc|dir=desc.*sort=name|sort=name.*dir=desc/);
  await expect(organisations(page).getByRole("row").nth(1)).toContainText("Initech Labs");
  await page.getByLabel("Search").fill("globex");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=globex/);
  await expect(organisations(page).getByRole("row")).toHaveCount(2);
  await expectAccessible(page);

  // An organisation's page: its fields, and its settings to rename it or edit its IDs.
  await organisations(page).getByRole("link", { name: "Globex Foods" }).click();
  await expect(page).toHaveURL(new RegExp(`/partner/${slug}/organisations/[0-9a-f-]+$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Globex Foods");
  await expect(pane(page).getByRole("link", { name: "Organisations" })).toHaveAttribute("aria-current", "location");
  await expectAccessible(page);
  const settings = page.getByRole("region", { name: "Settings" });
  await settings.getByLabel("Organisation Name").fill("Globex Foods Ltd");
  await settings.getByLabel("Salesforce account ID").fill("123");
  await settings.getByRole("button", { name: "Save" }).click();
  await expect(settings.getByText("Enter a valid 15- or 18-character Salesforce account ID.")).toBeVisible();
  await settings.getByLabel("Salesforce account ID").fill("");
  await settings.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Organisation updated.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Globex Foods Ltd");
  const globex = page.url();

  // Renouncing ownership: "No partner", "Save", and a confirmation, since the user loses access.
  const move = page.getByRole("region", { name: "Move Organisation to another Partner" });
  await expect(move.getByLabel("Partner")).toHaveValue(orgId);
  await expect(move.getByRole("button", { name: "Save" })).toBeDisabled();
  await move.getByLabel("Partner").selectOption({ label: "No partner" });
  await move.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("lose access");
  await expectAccessible(page);
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Globex Foods Ltd");
  await move.getByRole("button", { name: "Save" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Move organisation" }).click();
  await expect(page).toHaveURL(new RegExp(`/partner/${slug}$`));
  await expect(page.getByText("Globex Foods Ltd moved to No partner.")).toBeVisible();
  await expect(organisations(page).getByRole("link", { name: "Globex Foods Ltd" })).toHaveCount(0);
  expect((await page.goto(globex))?.status()).toBe(404);

  // "Delete Organisation" stays disabled until the confirm checkbox is marked.
  await page.goto(`/partner/${slug}?q=Initech`);
  await organisations(page).getByRole("link", { name: "Initech Labs" }).click();
  const remove = page.getByRole("button", { name: "Delete Organisation" });
  await expect(remove).toBeDisabled();
  await page.getByLabel("Confirm that I want to delete this organisation.").check();
  await remove.click();
  await expect(page).toHaveURL(new RegExp(`/partner/${slug}$`));
  await expect(page.getByText('Organisation "Initech Labs" deleted.')).toBeVisible();
  await expect(page.getByText("10 shown of 10 organisations")).toBeVisible();

  // Members: "Add Member" with a role (each explained), "Invite" sends the welcome email.
  await openFromPane(page, "Members");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Add Member" }).click();
  await expect(page.getByRole("dialog", { name: "Add Member" })).toContainText("creates, edits, moves and deletes the partner account's organisations");
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  const max = uniqueEmail("max");
  await addMember(page, max, "Maintainer");
  await expect(memberRow(page, max)).toContainText("Maintainer");
  await mailedLink(e2eOutbox, max, "invite");
  await memberRow(page, max).getByRole("button", { name: `Resend invitation to ${max}` }).click();
  await expect(page.getByText(`Invitation sent again to ${max}.`)).toBeVisible();
  await expect.poll(() => linksTo(e2eOutbox, max, "invite").length).toBe(2);
  // The pencil changes the role.
  await memberRow(page, max).getByRole("button", { name: "Edit" }).click();
  await page.getByRole("dialog", { name: "Edit member" }).getByRole("radio", { name: "Viewer", exact: true }).check();
  await page.getByRole("dialog", { name: "Edit member" }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(`${max} is now Viewer.`)).toBeVisible();
  await expect(memberRow(page, max)).toContainText("Viewer");
  // The last Admin is never demoted, nor offered their own Delete.
  await expect(memberRow(page, email).getByRole("button", { name: "Delete" })).toHaveCount(0);
  await memberRow(page, email).getByRole("button", { name: "Edit" }).click();
  await page.getByRole("dialog", { name: "Edit member" }).getByRole("radio", { name: "Viewer", exact: true }).check();
  await page.getByRole("dialog", { name: "Edit member" }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("dialog", { name: "Edit member" }).getByText("An organisation needs at least one Admin.")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(memberRow(page, email)).toContainText("Admin");
  // The delete icon asks, then removes.
  await memberRow(page, max).getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("alertdialog")).toContainText(max);
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText(`${max} removed.`)).toBeVisible();
  await expect(memberRow(page, max)).toHaveCount(0);

  // Activity: the changes to the partner account and its organisations, filterable by kind.
  await openFromPane(page, "Activity");
  const trail = page.getByRole("table", { name: "Activity of your partner account" });
  for (const kind of ["Customer organisation created", "Customer organisation updated", "Customer organisation moved", "Customer organisation deleted", "User role changed", "User deleted"]) {
    await expect(trail.getByRole("row").filter({ hasText: kind }).first()).toBeVisible();
  }
  await expect(trail.getByRole("row").filter({ hasText: "signed in" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByLabel("Action").selectOption("organisation.moved");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=organisation\.moved/);
  await expect(trail.getByRole("row")).toHaveCount(2);
  await expect(trail).toContainText("Globex Foods Ltd");

  // Reports (its figures: e2e/reports.spec.ts); Settings, with the Admin's single sign-on.
  await openFromPane(page, "Reports");
  await expect(page.getByTestId("report-period")).toBeVisible();
  await expectAccessible(page);
  await openFromPane(page, "Settings");
  await expect(page.getByRole("heading", { name: "Single sign-on" })).toBeVisible();
  await expectAccessible(page);

  // The portal admin changes the slug: the partner account moves to the new address at once.
  await admin.reload();
  await admin.getByRole("button", { name: "Change slug" }).click();
  const slugDialog = admin.getByRole("dialog", { name: "Change partner slug" });
  await slugDialog.getByLabel("Slug").fill("orgs");
  await slugDialog.getByRole("button", { name: "Save" }).click();
  await expect(slugDialog.getByText("This word is used by the partner pages themselves.", { exact: false })).toBeVisible();
  await expectAccessible(admin);
  const moved = `${slug.slice(0, 50)}-moved`;
  await slugDialog.getByLabel("Slug").fill(moved);
  await slugDialog.getByRole("button", { name: "Save" }).click();
  await expect(admin.getByText(`Partner slug changed to ${moved}.`)).toBeVisible();
  expect((await page.goto(`/partner/${slug}`))?.status()).toBe(404);
  await page.goto("/partner");
  await expect(page).toHaveURL(new RegExp(`/partner/${moved}$`));
});

test("the partner account as a Maintainer and a Viewer: what each can and cannot do", async ({ browser, request }) => {
  const admin = await adminPage(browser);
  const otherOrgId = await createOrg(admin, unique("Elsewhere Partner"));
  const otherSlug = await adminSlug(admin);
  const orgName = unique("Roles Partner");
  const orgId = await createOrg(admin, orgName);
  const ada = uniqueEmail("ada");
  await createUser(admin, ada, "Ada Admin");
  const a = await partnerPage(browser, e2eOutbox, ada, orgName);
  const slug = slugIn(a);
  const headers = await apiHeaders(request);
  const hooli = await apiOrganisation(request, headers, orgId, "Hooli Health");
  const foreign = await apiOrganisation(request, headers, otherOrgId, "Someone Else's Customer");
  await openFromPane(a, "Members");
  const mia = uniqueEmail("mia");
  const vic = uniqueEmail("vic");
  await addMember(a, mia, "Maintainer");
  await addMember(a, vic, "Viewer");

  // A Maintainer creates, edits and deletes the partner account's organisations...
  const m = await partnerPage(browser, e2eOutbox, mia, orgName);
  await createOrganisation(m, "Vandelay Imports");
  await organisations(m).getByRole("link", { name: "Vandelay Imports" }).click();
  await m.getByRole("region", { name: "Settings" }).getByLabel("Zuora account ID").fill("C0000042");
  await m.getByRole("region", { name: "Settings" }).getByRole("button", { name: "Save" }).click();
  await expect(m.getByText("Organisation updated.")).toBeVisible();
  await expect(m.getByRole("region", { name: "Move Organisation to another Partner" })).toBeVisible();
  await expect(m.getByRole("button", { name: "Delete Organisation" })).toBeVisible();
  // ...but does not manage members, and reads the activity.
  await openFromPane(m, "Members");
  await expect(memberRow(m, mia)).toContainText("Maintainer");
  await expect(m.getByRole("button", { name: "Add Member" })).toHaveCount(0);
  await expect(m.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await expect(m.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await expect(m.getByRole("button", { name: /Resend invitation/ })).toHaveCount(0);
  await openFromPane(m, "Activity");
  await expect(m.getByRole("table", { name: "Activity of your partner account" }).getByRole("row").filter({ hasText: "Customer organisation created" }).first()).toBeVisible();

  // A Viewer reads every organisation and member, and changes nothing.
  const v = await partnerPage(browser, e2eOutbox, vic, orgName);
  await expect(organisations(v).getByRole("link", { name: "Hooli Health" })).toBeVisible();
  await expect(organisations(v).getByRole("link", { name: "Vandelay Imports" })).toBeVisible();
  await expect(v.getByRole("button", { name: "Create an Organisation" })).toHaveCount(0);
  await organisations(v).getByRole("link", { name: "Vandelay Imports" }).click();
  await expect(v.getByRole("heading", { level: 1 })).toHaveText("Vandelay Imports");
  await expect(v.getByText("C0000042")).toBeVisible();
  await expect(v.getByRole("region", { name: "Settings" })).toHaveCount(0);
  await expect(v.getByRole("region", { name: "Move Organisation to another Partner" })).toHaveCount(0);
  await expect(v.getByRole("button", { name: "Delete Organisation" })).toHaveCount(0);
  await expect(v.getByRole("textbox")).toHaveCount(0);
  await expectAccessible(v);
  await openFromPane(v, "Members");
  await expect(memberRow(v, ada)).toContainText("Admin");
  await expect(v.getByRole("button", { name: "Add Member" })).toHaveCount(0);
  await expect(v.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await expectAccessible(v);
  await openFromPane(v, "Activity");
  await expect(v.getByRole("table", { name: "Activity of your partner account" }).getByRole("row").filter({ hasText: "Customer organisation updated" }).first()).toBeVisible();

  // Nobody reaches another partner's account or organisations: "not found", whatever the address.
  for (const path of [`/partner/${otherSlug}`, `/partner/${otherSlug}/organisations/${foreign}`, `/partner/${slug}/organisations/${foreign}`, `/partner/${otherSlug}/activity`]) {
    const res = await v.goto(path);
    expect(res?.status(), path).toBe(404);
  }

  // The server decides, not the page: the Maintainer's open settings form, after the Admin makes them a Viewer.
  await m.goto(`/partner/${slug}/organisations/${hooli}`);
  const stale = m.getByRole("region", { name: "Settings" });
  await stale.getByLabel("Organisation Name").fill("Hooli Renamed");
  await openFromPane(a, "Members");
  await memberRow(a, mia).getByRole("button", { name: "Edit" }).click();
  await a.getByRole("dialog", { name: "Edit member" }).getByRole("radio", { name: "Viewer", exact: true }).check();
  await a.getByRole("dialog", { name: "Edit member" }).getByRole("button", { name: "Save" }).click();
  await expect(a.getByText(`${mia} is now Viewer.`)).toBeVisible();
  await stale.getByRole("button", { name: "Save" }).click();
  await expect(m.getByText("You do not have permission to do that.")).toBeVisible();
  await m.reload();
  await expect(m.getByRole("heading", { level: 1 })).toHaveText("Hooli Health");
  await expect(m.getByRole("region", { name: "Settings" })).toHaveCount(0);
});
