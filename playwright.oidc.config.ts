import path from "node:path";
import { defineConfig } from "@playwright/test";
import base, { e2eAdmin } from "./playwright.config";

/**
 * Single sign-on end to end: the app started with OIDC_* pointing at an OpenID provider that the
 * spec itself runs on loopback (oidc-provider). Build first, then:
 *   npx playwright test -c playwright.oidc.config.ts
 */
const port = Number(process.env.E2E_OIDC_PORT || 3411);
export const oidcAppUrl = `http://127.0.0.1:${port}`;
export const oidcIssuerPort = Number(process.env.E2E_OIDC_ISSUER_PORT || port + 1);
export const oidcIssuer = `http://127.0.0.1:${oidcIssuerPort}`;
export const oidcClient = { id: "partner-pages-e2e", secret: "e2e-oidc-client-secret-0123456789abcdef" };
const dataDir = path.resolve(process.env.E2E_OIDC_DATA_DIR || ".data-e2e-oidc");
export const oidcOutbox = path.join(dataDir, "outbox");
/** Short-lived invitations (10 s), so a spec can watch one expire. */
export const oidcInviteTtlSeconds = 10;

export default defineConfig({
  ...base,
  testDir: "./e2e",
  testMatch: "**/*.oidc.ts",
  workers: 1,
  use: { ...base.use, baseURL: oidcAppUrl },
  webServer: {
    command: `rm -rf "${dataDir}" && mkdir -p "${dataDir}" && exec ./node_modules/.bin/next start -p ${port} -H 127.0.0.1`,
    url: `${oidcAppUrl}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATA_DIR: dataDir,
      MAIL_OUTBOX_DIR: oidcOutbox,
      APP_URL: oidcAppUrl,
      INITIAL_ADMIN_EMAIL: e2eAdmin.email,
      INITIAL_ADMIN_PASSWORD: e2eAdmin.password,
      AUTH_SECRET: "e2e-oidc-auth-secret-not-for-production-0123456789",
      INVITE_TTL_HOURS: String(oidcInviteTtlSeconds / 3600),
      OIDC_ISSUER: oidcIssuer,
      OIDC_CLIENT_ID: oidcClient.id,
      OIDC_CLIENT_SECRET: oidcClient.secret,
      OIDC_NAME: "Test SSO",
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
    },
  },
});
