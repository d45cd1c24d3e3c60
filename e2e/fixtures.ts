import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page, type Request } from "@playwright/test";
import { e2eAdmin } from "../playwright.config";

/** Fails on serious or critical accessibility violations of the page as it is now. */
export async function expectAccessible(page: Page) {
  // Colours are judged as the user sees them: a toast or dialog still fading in or out has, for a
  // moment, a contrast no one reads, so wait for running animations and transitions to end first
  // (endless ones, such as a spinner, are not waited for).
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity), undefined, { timeout: 10_000 });
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

export async function signInAsAdmin(page: Page, email = e2eAdmin.email, password = e2eAdmin.password) {
  await page.goto("/");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings\/profile\/partners/);
}

/**
 * Runs `change` (a click that calls a server action, then an expectation that the page shows the
 * result) and counts the times the page was fetched again behind it: a GET of the page's React
 * payload, as `router.refresh()` makes. One change must cost none: the action revalidates, and its
 * own response carries the page rendered again.
 */
export async function refetchesDuring(page: Page, change: () => Promise<void>): Promise<number> {
  const path = new URL(page.url()).pathname;
  let n = 0;
  const count = (req: Request) => {
    const h = req.headers();
    if (req.method() === "GET" && h.rsc === "1" && !h["next-router-prefetch"] && new URL(req.url()).pathname === path) n++;
  };
  page.on("request", count);
  try {
    await change();
    await page.waitForLoadState("networkidle");
  } finally {
    page.off("request", count);
  }
  return n;
}

/**
 * What Lighthouse's best-practices audit holds against a page, collected while it is used: console
 * errors, uncaught exceptions, and the issues Chrome's DevTools report (a Content-Security-Policy
 * violation among them). Read the array after navigating; it fills as the page runs.
 */
export async function watchProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error on ${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`uncaught on ${page.url()}: ${e.message}`));
  const cdp = await page.context().newCDPSession(page);
  cdp.on("Audits.issueAdded", ({ issue }) => problems.push(`DevTools issue on ${page.url()}: ${issue.code} ${JSON.stringify(issue.details).slice(0, 400)}`));
  await cdp.send("Audits.enable");
  return problems;
}

/** A name no other test (or earlier run) uses. */
export function unique(prefix: string) {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export const test = base;
export { expect };
