import { expect, expectAccessible, signInAsAdmin, test, unique } from "./fixtures";

test("Settings > API clients: create, the secret is shown once and works, revoke stops it", async ({ page, request }) => {
  await signInAsAdmin(page);
  await page.getByRole("link", { name: "API clients", exact: true }).click();
  await expect(page.getByRole("heading", { name: "API clients" })).toBeVisible();
  await expectAccessible(page);

  const name = unique("Billing sync");
  await page.getByRole("button", { name: "Create API client" }).click();
  await page.getByRole("button", { name: "Create client" }).click();
  await expect(page.getByText("Name is required.")).toBeVisible();
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create client" }).click();
  await expect(page.getByRole("heading", { name: "API client created" })).toBeVisible();
  await expectAccessible(page);
  const clientId = (await page.getByTestId("created-client-id").innerText()).trim();
  const secret = (await page.getByTestId("created-client-secret").innerText()).trim();
  expect(secret.length).toBeGreaterThanOrEqual(32);

  const token = await request.post("/api/oauth/token", { form: { grant_type: "client_credentials", client_id: clientId, client_secret: secret } });
  expect(token.status()).toBe(200);
  const { access_token } = await token.json();
  const ok = await request.get("/api/partner-management/partner-organisations", { headers: { authorization: `Bearer ${access_token}` } });
  expect(ok.status()).toBe(200);

  await page.getByRole("button", { name: "I have copied the secret" }).click();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Active");
  await page.reload();
  await expect(page.getByText(secret)).toHaveCount(0);

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(page.getByRole("alertdialog")).toContainText("cannot be undone");
  await page.getByRole("button", { name: "Revoke client" }).click();
  await expect(page.getByText(`API client "${name}" revoked.`)).toBeVisible();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);

  const refused = await request.get("/api/partner-management/partner-organisations", { headers: { authorization: `Bearer ${access_token}` } });
  expect(refused.status()).toBe(401);
  const noToken = await request.post("/api/oauth/token", { form: { grant_type: "client_credentials", client_id: clientId, client_secret: secret } });
  expect(noToken.status()).toBe(401);
});

test("the API reference lists the operations and tries one with a token", async ({ page }) => {
  await signInAsAdmin(page);
  await page.getByRole("link", { name: "API reference", exact: true }).click();
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
  for (const summary of ["List Partner Organisations", "Create Partner Organisation", "Update Partner Organisation", "Delete Partner Organisation", "Create Partner User", "List Partner Users for Organisation", "Delete Partner User", "Get an access token"]) {
    await expect(page.getByRole("heading", { name: new RegExp(summary) })).toBeVisible();
  }
  await expectAccessible(page);
  await page.getByLabel("Client ID").fill("e2e-client");
  await page.getByLabel("Client secret").fill("e2e-client-secret-0123456789-abcdef");
  await page.getByRole("button", { name: "Get access token" }).click();
  await expect(page.getByText(/Token received/)).toBeVisible();
  const list = page.getByRole("article").filter({ has: page.getByRole("heading", { name: /List Partner Organisations/ }) });
  await list.getByText("Try it").click();
  await list.getByLabel("limit").fill("1");
  await list.getByRole("button", { name: "Send GET" }).click();
  await expect(list.getByRole("status", { name: /Response of/ })).toContainText("Status 200");
  await expect(list.getByRole("status", { name: /Response of/ })).toContainText('"items"');
});
