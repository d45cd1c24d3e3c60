import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT || 3210);
export const e2eBaseUrl = `http://127.0.0.1:${port}`;
/** The app under test keeps its embedded database and its mail outbox here (never the developer's .data). */
export const e2eDataDir = path.resolve(process.env.E2E_DATA_DIR || ".data-e2e");
export const e2eOutbox = path.join(e2eDataDir, "outbox");
/**
 * The DNS server the app under test asks (DNS_SERVERS): e2e/domains.spec.ts runs one on this
 * loopback UDP port and publishes partners' TXT records there. E2E_DNS_PORT, else E2E_PORT + 3.
 */
export const e2eDnsPort = Number(process.env.E2E_DNS_PORT || port + 3);
export const e2eAdmin = { email: "owner@e2e.example", password: "e2e-owner-password-1" };

// Playwright cannot download its own browser here: use the system Chromium when there is one.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

export default defineConfig({
  testDir: "./e2e",
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  use: {
    baseURL: e2eBaseUrl,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: systemChromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // Runs the production build (`npm run build` first). A fresh embedded database each run,
    // or the PostgreSQL database named by E2E_DATABASE_URL.
    command: `rm -rf "${e2eDataDir}" && mkdir -p "${e2eDataDir}" && exec ./node_modules/.bin/next start -p ${port} -H 127.0.0.1`,
    url: `${e2eBaseUrl}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATA_DIR: e2eDataDir,
      MAIL_OUTBOX_DIR: e2eOutbox,
      APP_URL: e2eBaseUrl,
      INITIAL_ADMIN_EMAIL: e2eAdmin.email,
      INITIAL_ADMIN_PASSWORD: e2eAdmin.password,
      INITIAL_API_CLIENT_ID: "e2e-client",
      INITIAL_API_CLIENT_SECRET: "e2e-client-secret-0123456789-abcdef",
      AUTH_SECRET: "e2e-auth-secret-not-for-production-0123456789",
      // The specs run partners' identity providers (OpenID, SAML) on loopback.
      SSO_ALLOW_PRIVATE_ADDRESSES: "true",
      DNS_SERVERS: `127.0.0.1:${e2eDnsPort}`,
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
    },
  },
});
