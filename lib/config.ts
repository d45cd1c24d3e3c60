/** Settings read from the environment, each with a default so `npm start` needs no configuration. */
export const config = {
  port: () => Number(process.env.PORT || 3000),
  appUrl: () => (process.env.APP_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, ""),
  /** The `service` field of API records. */
  serviceName: () => process.env.SERVICE_NAME || "partner-management",
  salesforceEnabled: () => process.env.SALESFORCE_ENABLED === "true",
  inviteTtlHours: () => positive(process.env.INVITE_TTL_HOURS, 72),
  resetTtlHours: () => positive(process.env.RESET_TTL_HOURS, 1),
  isProduction: () => process.env.NODE_ENV === "production",
  /** The first webhook retry after this many seconds; later ones back off exponentially. */
  webhookRetryBaseSeconds: () => positive(process.env.WEBHOOK_RETRY_BASE_SECONDS, 30),
  /** Local use and tests only: lets webhooks go to loopback and private addresses, and to http:// URLs. */
  webhookAllowPrivateAddresses: () => process.env.WEBHOOK_ALLOW_PRIVATE_ADDRESSES === "true",
  /**
   * Local use and tests only: lets a partner's identity provider (OIDC issuer, SAML endpoints) be on
   * loopback or a private address and on http://. Otherwise the server refuses to reach it.
   */
  ssoAllowPrivateAddresses: () => process.env.SSO_ALLOW_PRIVATE_ADDRESSES === "true",
  /**
   * The DNS servers "Verify" asks for a domain's TXT record: comma-separated addresses, each with an
   * optional port ("127.0.0.1:5353", "[::1]:53"). Empty: the system's resolvers.
   */
  dnsServers: (): string[] =>
    (process.env.DNS_SERVERS ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
};

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}
