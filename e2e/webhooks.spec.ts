import { expect, expectAccessible, signInAsAdmin, test } from "./fixtures";

test("Settings > Webhooks: add an endpoint (secret shown once), its delivery log, rotate, disable, enable, delete", async ({ page, request }) => {
  await signInAsAdmin(page);
  await page.getByRole("link", { name: "Webhooks", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
  await expectAccessible(page);

  const url = `https://hooks-${Date.now().toString(36)}.example/in`;
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Endpoint URL is required.")).toBeVisible();
  await page.getByLabel("Endpoint URL").fill(url.replace("https:", "http:"));
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("The endpoint URL must start with https://.")).toBeVisible();
  await page.getByLabel("Endpoint URL").fill(url);
  await page.getByRole("radio", { name: "Selected event types" }).click();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Choose at least one event type.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("checkbox", { name: "partner_organisation.created" }).click();
  await page.getByRole("checkbox", { name: "partner_organisation.updated" }).click();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { name: "Endpoint added" })).toBeVisible();
  const secret = (await page.getByTestId("signing-secret").innerText()).trim();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
  await expectAccessible(page);
  await page.getByRole("button", { name: "I have copied the secret" }).click();

  const row = page.getByRole("row").filter({ hasText: url });
  await expect(row).toContainText("2 event types");
  await expect(row).toContainText("Enabled");
  await page.reload();
  await expect(page.getByText(secret)).toHaveCount(0);

  // A change the endpoint subscribes to: its delivery appears in the log (the address cannot be reached here).
  const token = await request.post("/api/oauth/token", { form: { grant_type: "client_credentials", client_id: "e2e-client", client_secret: "e2e-client-secret-0123456789-abcdef" } });
  const { access_token } = await token.json();
  const created = await request.post("/api/partner-management/partner-organisation", {
    headers: { authorization: `Bearer ${access_token}` },
    data: { name: `Webhook partner ${Date.now().toString(36)}`, zuoraAccountId: "A-HOOK", isZuoraInvoiceOwner: true },
  });
  expect(created.status()).toBe(200);
  const events = await request.get("/api/partner-management/events?limit=500", { headers: { authorization: `Bearer ${access_token}` } });
  expect(events.status()).toBe(200);

  await row.getByRole("link", { name: url }).click();
  await expect(page.getByRole("heading", { name: url, level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Delivery log" })).toBeVisible();
  await expect
    .poll(async () => {
      await page.reload();
      return page.getByRole("row").filter({ hasText: "partner_organisation.created" }).count();
    }, { timeout: 30_000 })
    .toBeGreaterThan(0);
  const attempt = page.getByRole("row").filter({ hasText: "partner_organisation.created" }).first();
  await expect(attempt).toContainText("Failed");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Rotate secret" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Rotate secret" }).click();
  await expect(page.getByRole("heading", { name: "Secret rotated" })).toBeVisible();
  const rotated = (await page.getByTestId("signing-secret").innerText()).trim();
  expect(rotated).toMatch(/^whsec_/);
  expect(rotated).not.toBe(secret);
  await page.getByRole("button", { name: "I have copied the secret" }).click();

  await page.getByRole("button", { name: "Disable", exact: true }).click();
  await page.getByRole("button", { name: "Disable endpoint" }).click();
  await expect(page.getByText("Webhook endpoint disabled.")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Disabled by" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Enable", exact: true }).click();
  await expect(page.getByText("Webhook endpoint enabled.")).toBeVisible();

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page.getByRole("alertdialog")).toContainText("cannot be undone");
  await page.getByRole("button", { name: "Delete endpoint" }).click();
  await expect(page).toHaveURL(/\/settings\/webhooks$/);
  await expect(page.getByRole("row").filter({ hasText: url })).toHaveCount(0);
});

test("Activity exports CSV and JSON Lines of what its filters select", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/activity?action=api_client.created");
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute("href", "/activity/export?action=api_client.created&format=csv");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export JSON Lines" }).click()]);
  const text = await (await download.createReadStream()).toArray();
  const lines = Buffer.concat(text).toString("utf8").trim().split("\n").map((l) => JSON.parse(l) as { action: string });
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.every((l) => l.action === "api_client.created")).toBe(true);
  await expectAccessible(page);
});
