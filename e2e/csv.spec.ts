import { readFileSync } from "node:fs";
import { expect, expectAccessible, signInAsAdmin, test, unique } from "./fixtures";
import { createOrg, uniqueEmail } from "./partner-helpers";

test("import users from CSV with a per-row report, then export the users and the partners table", async ({ page }) => {
  await signInAsAdmin(page);
  const name = unique("CSV Org");
  await createOrg(page, name);
  const good = uniqueEmail("csv-good");
  const other = uniqueEmail("csv-other");
  const csv = [
    "Email address,First name,Last name,Phone number",
    `${good},"Ada, the first",Lovelace,+44 7911 123456`,
    "not-an-email,Bad,Row,",
    `${good.toUpperCase()},Dup,Row,`,
    `${other},Grace,Hopper,`,
  ].join("\r\n");

  await page.getByRole("button", { name: "Import users (CSV)" }).click();
  await page.getByLabel("CSV file").setInputFiles({ name: "users.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByRole("status").filter({ hasText: "2 rows can be imported; 2 rows will be skipped." })).toBeVisible();
  const preview = page.getByRole("table", { name: "Import preview" });
  await expect(preview.getByRole("row").filter({ hasText: "not-an-email" })).toContainText("Enter a valid email address.");
  await expect(preview.getByRole("row").filter({ hasText: "Dup Row" })).toContainText("Duplicate of line 2");
  await expectAccessible(page);
  // Nothing is written before the confirmation.
  await expect(page.getByRole("table", { name: "Partner users" }).getByText(good)).toHaveCount(0);
  await page.getByRole("button", { name: "Import 2 users" }).click();
  await expect(page.getByText("2 users imported.")).toBeVisible();
  const users = page.getByRole("table", { name: "Partner users" });
  await expect(users.getByRole("row").filter({ hasText: good })).toContainText("Ada, the first Lovelace");
  await expect(users.getByRole("row").filter({ hasText: good })).toContainText("+447911123456");

  const usersDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export users (CSV)" }).click();
  const usersCsv = readFileSync((await (await usersDownload).path())!, "utf8");
  expect(usersCsv).toContain(`"Ada, the first Lovelace","Ada, the first",Lovelace,${good},+447911123456,`);
  expect(usersCsv).toContain(other);

  await page.goto(`/settings/profile/partners?q=${encodeURIComponent(name)}&sort=name&dir=asc`);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const partnersCsv = readFileSync((await (await download).path())!, "utf8");
  const lines = partnersCsv.replace(/^\ufeff/, "").trim().split("\r\n");
  expect(lines[0]).toContain("Partner Organisation ID,Partner organisation name");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(name);
});
