import { e2eOutbox } from "../playwright.config";
import { expect, expectAccessible, signInAsAdmin, test, unique } from "./fixtures";
import { continueWithEmail, createOrg, mailedLink, setPassword, uniqueEmail, userRow } from "./partner-helpers";

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

test("Provisioning (SCIM): create a token (shown once), a directory provisions and suspends a user, revoke stops the token", async ({ page, request, browser }) => {
  test.setTimeout(240_000);
  await signInAsAdmin(page);
  const orgId = await createOrg(page, unique("Directory Partner"));
  const section = page.getByRole("region", { name: "Provisioning (SCIM)" });
  await expect(section).toContainText("No SCIM tokens yet.");
  await expect(section).toContainText(`/api/scim/v2/${orgId}`);
  await expectAccessible(page);

  await section.getByRole("button", { name: "Create SCIM token" }).click();
  await page.getByLabel("Description").fill("Okta");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByRole("heading", { name: "SCIM token created" })).toBeVisible();
  await expectAccessible(page);
  const baseUrl = (await page.getByTestId("created-scim-base-url").innerText()).trim();
  const token = (await page.getByTestId("created-scim-token").innerText()).trim();
  expect(baseUrl).toMatch(new RegExp(`/api/scim/v2/${orgId}$`));
  expect(token).toMatch(/^pmscim_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("button", { name: "Copy the SCIM token" })).toBeVisible();
  await page.getByRole("button", { name: "I have copied the token" }).click();

  // The directory provisions a user with the token.
  const auth = { authorization: `Bearer ${token}`, "content-type": "application/scim+json" };
  const email = uniqueEmail("scim");
  const created = await request.post(`${baseUrl}/Users`, { headers: auth, data: { schemas: [USER], userName: email, name: { givenName: "Dee", familyName: "Rectory" } } });
  expect(created.status()).toBe(201);
  const { id } = await created.json();

  await page.reload();
  await expect(userRow(page, email)).toBeVisible();
  const tokenRow = section.getByRole("row").filter({ hasText: "Okta" });
  await expect(tokenRow).toContainText(`…${token.slice(-4)}`);
  await expect(tokenRow).toContainText("Active");
  await expect(tokenRow).not.toContainText("Never");
  await expect(page.getByText(token)).toHaveCount(0);

  // The user sets a password from their invitation, then the directory suspends them.
  const partner = await (await browser.newContext()).newPage();
  await setPassword(partner, await mailedLink(e2eOutbox, email, "invite"), "scim-user-password-1");
  const off = await request.patch(`${baseUrl}/Users/${id}`, { headers: auth, data: { schemas: [PATCH_OP], Operations: [{ op: "replace", value: { active: false } }] } });
  expect(off.status()).toBe(200);
  await continueWithEmail(partner, email);
  await partner.getByLabel("Password").fill("scim-user-password-1");
  await partner.getByRole("button", { name: "Sign in" }).click();
  await expect(partner.getByRole("alert").filter({ hasText: "Your account is suspended" })).toBeVisible();
  await expectAccessible(partner);

  await page.reload();
  await expect(userRow(page, email)).toContainText("Suspended");
  await expectAccessible(page);

  // Revoke, with confirmation: the directory's next request is refused.
  await tokenRow.getByRole("button", { name: /^Revoke SCIM token Okta/ }).click();
  await expect(page.getByRole("alertdialog")).toContainText("cannot be undone");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByText("SCIM token revoked.")).toBeVisible();
  await expect(tokenRow).toContainText("Revoked");
  await expect(tokenRow.getByRole("button", { name: /^Revoke/ })).toHaveCount(0);
  const refused = await request.get(`${baseUrl}/Users`, { headers: auth });
  expect(refused.status()).toBe(401);
});
