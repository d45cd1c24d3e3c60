import { readFileSync } from "node:fs";
import type { APIRequestContext, Page } from "@playwright/test";
import { parseCsv } from "../lib/csv";
import { e2eOutbox } from "../playwright.config";
import { expect, expectAccessible, test, unique } from "./fixtures";
import { adminPage, createOrg, createUser, openFromPane, partnerPage, uniqueEmail } from "./partner-helpers";

test.describe.configure({ timeout: 240_000 });

const CLIENT = { id: "e2e-client", secret: "e2e-client-secret-0123456789-abcdef" };
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function apiToken(request: APIRequestContext): Promise<string> {
  const res = await request.post("/api/oauth/token", { form: { grant_type: "client_credentials", client_id: CLIENT.id, client_secret: CLIENT.secret } });
  expect(res.status()).toBe(200);
  return (await res.json()).access_token;
}

async function addMetric(page: Page, m: { key: string; name: string; unit: string; aggregation: "sum" | "max" }) {
  await page.getByRole("button", { name: "Add metric" }).click();
  await page.getByLabel("Key").fill(m.key);
  await page.getByLabel("Name").fill(m.name);
  await page.getByLabel("Unit").fill(m.unit);
  await page.getByLabel("Aggregation").selectOption(m.aggregation);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(`Usage metric "${m.name}" added.`)).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: m.key })).toBeVisible();
}

/** The CSV's rows as objects keyed by its header. */
function csvRows(text: string): Record<string, string>[] {
  const [header, ...lines] = parseCsv(text);
  return lines.map((l) => Object.fromEntries(l.map((v, i) => [header![i]!, v])));
}

test("admin adds metrics, usage arrives over the API, the partner sees table, chart and CSV, the admin the per-partner report and drill-down", async ({ browser, request }) => {
  const stamp = Date.now().toString(36);
  const gb = { key: `gb_${stamp}`, name: `Total GB transferred ${stamp}`, unit: "GB", aggregation: "sum" as const };
  const seats = { key: `seats_${stamp}`, name: `Seats ${stamp}`, unit: "seats", aggregation: "max" as const };

  // Settings > Usage metrics.
  const admin = await adminPage(browser);
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Usage metrics" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Usage metrics" })).toBeVisible();
  await addMetric(admin, gb);
  await addMetric(admin, seats);
  await admin.getByRole("button", { name: "Add metric" }).click();
  await admin.getByLabel("Key").fill("Not Snake");
  await admin.getByLabel("Name").fill("Bad");
  await admin.getByLabel("Unit").fill("x");
  await admin.getByRole("button", { name: "Save" }).click();
  await expect(admin.getByText(/Key must be lowercase snake case/)).toBeVisible();
  await admin.keyboard.press("Escape");
  await expectAccessible(admin);

  // A partner with two customer organisations, and its first user (its Admin), signed in.
  const partnerName = unique("Reporting Partner");
  const partnerId = await createOrg(admin, partnerName);
  const email = uniqueEmail("reports");
  await createUser(admin, email, "Rita Reports");
  const token = await apiToken(request);
  const auth = { authorization: `Bearer ${token}` };
  const orgs: Record<string, string> = {};
  for (const name of [`Alpha ${stamp}`, `Beta ${stamp}`]) {
    const res = await request.post(`/api/partner-management/partner-organisation/${partnerId}/organisations`, { headers: auth, data: { name } });
    expect(res.status()).toBe(200);
    orgs[name] = (await res.json()).id;
  }
  const alpha = orgs[`Alpha ${stamp}`]!;
  const beta = orgs[`Beta ${stamp}`]!;

  // Usage over the API: a bad record refuses the whole request; a retry counts nothing twice.
  const records = [
    { id: `${stamp}-1`, organisationId: alpha, metric: gb.key, quantity: 12.5, date: day(0) },
    { id: `${stamp}-2`, organisationId: alpha, metric: gb.key, quantity: 7.5, date: day(-1) },
    { id: `${stamp}-3`, organisationId: alpha, metric: seats.key, quantity: 3, date: day(0) },
    { id: `${stamp}-4`, organisationId: alpha, metric: seats.key, quantity: 9, date: day(-1) },
    { id: `${stamp}-5`, organisationId: beta, metric: gb.key, quantity: 5, date: day(0) },
  ];
  const bad = await request.post("/api/partner-management/usage", { headers: auth, data: { records: [...records, { ...records[0], id: `${stamp}-x`, quantity: -1 }] } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).errors).toEqual([expect.objectContaining({ index: 5, message: expect.stringMatching(/negative/) })]);
  const first = await request.post("/api/partner-management/usage", { headers: auth, data: { records } });
  expect(await first.json()).toEqual({ accepted: 5, duplicates: 0 });
  const retry = await request.post("/api/partner-management/usage", { headers: auth, data: { records } });
  expect(await retry.json()).toEqual({ accepted: 0, duplicates: 5 });

  // The partner user: Reports, last 7 days.
  const partner = await partnerPage(browser, e2eOutbox, email, partnerName);
  await openFromPane(partner, "Reports");
  await expect(partner).toHaveURL(/\/partner\/[a-z0-9-]+\/reports$/);
  await partner.getByRole("link", { name: "Last 7 days" }).click();
  await expect(partner).toHaveURL(/period=7d/);
  await expect(partner.getByTestId("report-period")).toContainText(`${day(-6)} to ${day(0)} (UTC dates)`);
  const table = partner.getByRole("table", { name: "Usage by organisation" });
  const col = async (name: string) => (await table.getByRole("columnheader").allTextContents()).findIndex((t) => t.startsWith(name));
  const gbCol = await col(gb.name);
  const seatsCol = await col(seats.name);
  const cells = async (org: string) => table.getByRole("row").filter({ hasText: org }).locator("th, td").allTextContents();
  expect((await cells(`Alpha ${stamp}`))[gbCol]).toBe("20");
  expect((await cells(`Alpha ${stamp}`))[seatsCol]).toBe("9");
  expect((await cells(`Beta ${stamp}`))[gbCol]).toBe("5");
  expect((await cells(`Beta ${stamp}`))[seatsCol]).toBe("—");
  const chart = partner.getByTestId("report-chart").filter({ hasText: gb.name });
  await expect(chart.locator("svg.recharts-surface")).toBeVisible();
  await expect(chart.locator("figcaption")).toContainText("Total 25 GB over 7 days");
  await expectAccessible(partner);

  const csvHref = await partner.getByRole("link", { name: "Download CSV" }).getAttribute("href");
  expect(csvHref).toContain("period=7d");
  const download = partner.waitForEvent("download");
  await partner.getByRole("link", { name: "Download CSV" }).click();
  const file = await (await download).path();
  const csv = csvRows(readFileSync(file, "utf8"));
  const csvAlpha = csv.find((r) => r.Organisation === `Alpha ${stamp}`)!;
  expect(csvAlpha[`${gb.name} (GB, sum)`]).toBe("20");
  expect(csvAlpha[`${seats.name} (seats, max)`]).toBe("9");
  expect(csvAlpha.From).toBe(day(-6));

  // A custom period of yesterday only.
  await partner.getByLabel("From", { exact: true }).fill(day(-1));
  await partner.getByLabel("To", { exact: true }).fill(day(-1));
  await partner.getByRole("button", { name: "Show" }).click();
  await expect(partner).toHaveURL(/period=custom/);
  expect((await cells(`Alpha ${stamp}`))[gbCol]).toBe("7.5");
  await expect(table.getByRole("row").filter({ hasText: `Beta ${stamp}` })).toHaveCount(0);

  // The portal admin: Reports per partner, then the drill-down.
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).click();
  await admin.getByRole("link", { name: "Last 7 days" }).click();
  const byPartner = admin.getByRole("table", { name: "Usage by partner" });
  const partnerRow = byPartner.getByRole("row").filter({ hasText: partnerName });
  const headers = await byPartner.getByRole("columnheader").allTextContents();
  const values = await partnerRow.locator("th, td").allTextContents();
  expect(values[headers.findIndex((t) => t.startsWith(gb.name))]).toBe("25");
  expect(values[headers.findIndex((t) => t.startsWith(seats.name))]).toBe("9");
  await expect(admin.getByRole("heading", { name: "Engagement" })).toBeVisible();
  await expect(admin.getByTestId("report-chart").filter({ hasText: "Sign-ins per week" })).toBeVisible();
  await expectAccessible(admin);
  const adminCsv = await admin.request.get(`/reports/export?period=7d`);
  expect(adminCsv.headers()["content-type"]).toContain("text/csv");
  expect(csvRows(await adminCsv.text()).find((r) => r.Partner === partnerName)![`${gb.name} (GB, sum)`]).toBe("25");

  await partnerRow.getByRole("link", { name: partnerName }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(`Report: ${partnerName}`);
  await expect(admin).toHaveURL(new RegExp(`/reports/${partnerId}\\?period=7d`));
  const drill = admin.getByRole("table", { name: "Usage by organisation" });
  await expect(drill.getByRole("row").filter({ hasText: `Alpha ${stamp}` })).toBeVisible();
  await expect(drill.getByRole("row").filter({ hasText: `Beta ${stamp}` })).toBeVisible();
  await expect(admin.getByText("Members active")).toBeVisible();
  await expectAccessible(admin);
});
