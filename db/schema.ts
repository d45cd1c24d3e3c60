import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  customType,
} from "drizzle-orm/pg-core";

/** Raw bytes (PostgreSQL bytea): a Buffer in, a Buffer (or Uint8Array on PGlite) out. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

const timestamps = {
  created: timestamp("created", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  modified: timestamp("modified", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
};

/** Who owns invoices in Zuora: the partner's own account, or each end customer's account. */
export const invoiceOwner = pgEnum("invoice_owner", ["partner", "end_customer"]);
/** "Create Partner" makes an approved organisation, "Invite Partner" a pending one (docs/domain.md). */
export const partnerOrgStatus = pgEnum("partner_org_status", ["pending", "approved"]);
/** The roles of partner users on the partner pages. */
export const partnerRole = pgEnum("partner_role", ["viewer", "maintainer", "admin"]);
/** The roles of portal admins. */
export const adminRole = pgEnum("admin_role", ["owner", "admin", "viewer"]);
export const tokenPurpose = pgEnum("token_purpose", ["invite", "reset"]);
export const principalKind = pgEnum("principal_kind", ["admin", "partner_user"]);
export const actorKind = pgEnum("actor_kind", ["admin", "partner_user", "api_client", "system", "anonymous", "scim_token"]);

export const partnerOrg = pgTable(
  "partner_org",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    /**
     * The partner pages' address, /partner/<slug>. Made from the name by the database function
     * partner_slug_for() (migration 0004) when the organisation is created; later renames keep it.
     */
    slug: text("slug").notNull(),
    logo: text("logo"),
    /**
     * White label: logos a partner Admin (or a portal admin) uploaded, for light and dark pages,
     * by content hash. An uploaded logo takes precedence over the `logo` URL wherever the brand shows.
     */
    logoLightHash: text("logo_light_hash").references(() => logoImage.hash),
    logoDarkHash: text("logo_dark_hash").references(() => logoImage.hash),
    /** "Support Information": a message, or one Markdown link `[text](https://…)` (lib/validations/branding.ts). */
    supportInfo: text("support_info"),
    zuoraAccountId: text("zuora_account_id").notNull(),
    salesforceAccountId: text("salesforce_account_id"),
    invoiceOwner: invoiceOwner("invoice_owner").notNull(),
    status: partnerOrgStatus("status").notNull().default("approved"),
    primaryContactName: text("primary_contact_name"),
    primaryContactEmail: text("primary_contact_email"),
    /** Set while a portal admin has suspended the partner: its users cannot sign in; nothing is deleted. */
    suspendedAt: timestamp("suspended_at", { withTimezone: true, mode: "date", precision: 3 }),
    suspendedReason: text("suspended_reason"),
    ...timestamps,
  },
  (t) => [
    // Fragment search on the name (ILIKE '%…%') uses the trigram index.
    index("partner_org_name_trgm").using("gin", sql`${t.name} gin_trgm_ops`),
    index("partner_org_zuora_account_id_idx").on(t.zuoraAccountId, t.id),
    // Keyset paging for each sortable column of the partners table: (value, id).
    index("partner_org_created_id_idx").on(t.created, t.id),
    index("partner_org_name_id_idx").on(t.name, t.id),
    index("partner_org_status_id_idx").on(t.status, t.id),
    uniqueIndex("partner_org_slug_key").on(t.slug),
    // Deleting a logo no organisation uses any more looks both up.
    index("partner_org_logo_light_idx").on(t.logoLightHash).where(sql`${t.logoLightHash} is not null`),
    index("partner_org_logo_dark_idx").on(t.logoDarkHash).where(sql`${t.logoDarkHash} is not null`),
    // Format and reserved words, in partner_slug_allowed() (migration 0004); lib/partners/slug.ts mirrors it.
    check("partner_org_slug_check", sql`partner_slug_allowed(${t.slug})`),
  ],
);

export const partnerUser = pgTable(
  "partner_user",
  {
    id: text("id").primaryKey(),
    partnerOrgId: text("partner_org_id")
      .notNull()
      .references(() => partnerOrg.id, { onDelete: "cascade" }),
    /** Limio's single "Name"; null when only first/last or nothing was given. */
    name: text("name"),
    firstName: text("first_name"),
    lastName: text("last_name"),
    email: text("email").notNull(),
    /** E.164, e.g. +447700900123. */
    phone: text("phone"),
    role: partnerRole("role").notNull().default("viewer"),
    passwordHash: text("password_hash"),
    /** Bumped to end every session of this user at once (password change, sign out everywhere). */
    sessionVersion: integer("session_version").notNull().default(0),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true, mode: "date", precision: 3 }),
    /**
     * Set while the user is suspended (e.g. deactivated by the partner's directory over SCIM): no
     * sign-in by any method, and a session of theirs is refused when it is loaded.
     */
    suspendedAt: timestamp("suspended_at", { withTimezone: true, mode: "date", precision: 3 }),
    /** The partner directory's own id for this user (SCIM externalId), as it sent it. */
    externalId: text("external_id"),
    /** The directory's sign-in name (SCIM userName) when it is not the email, e.g. an Entra UPN. */
    directoryUserName: text("directory_user_name"),
    ...timestamps,
  },
  (t) => [
    // An email is unique across ALL partners, compared case-insensitively.
    uniqueIndex("partner_user_email_lower_key").on(sql`lower(${t.email})`),
    index("partner_user_org_id_idx").on(t.partnerOrgId, t.id),
    // A directory's userName names one user of that partner (SCIM: unique, case-insensitive).
    // Partial: only directory-provisioned users have them, and the (org, id) index stays the one for listing.
    uniqueIndex("partner_user_org_directory_user_name_key")
      .on(t.partnerOrgId, sql`lower(${t.directoryUserName})`)
      .where(sql`${t.directoryUserName} is not null`),
    index("partner_user_org_external_id_idx").on(t.partnerOrgId, t.externalId).where(sql`${t.externalId} is not null`),
  ],
);

/**
 * A customer organisation: the business a partner resells to (seed 002's "organisations"). Owned by
 * at most one partner; a null partner is "No partner". Deleting the partner keeps the organisation.
 */
export const customerOrg = pgTable(
  "customer_org",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    /** The customer's own billing account, the one "End customer" invoice ownership bills. */
    zuoraAccountId: text("zuora_account_id"),
    salesforceAccountId: text("salesforce_account_id"),
    partnerOrgId: text("partner_org_id").references(() => partnerOrg.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("customer_org_name_trgm").using("gin", sql`${t.name} gin_trgm_ops`),
    index("customer_org_zuora_account_id_idx").on(t.zuoraAccountId),
    // Keyset paging of the whole list, and of one partner's organisations, per sortable column.
    index("customer_org_created_id_idx").on(t.created, t.id),
    index("customer_org_name_id_idx").on(t.name, t.id),
    index("customer_org_partner_id_idx").on(t.partnerOrgId, t.id),
    index("customer_org_partner_created_id_idx").on(t.partnerOrgId, t.created, t.id),
    index("customer_org_partner_name_id_idx").on(t.partnerOrgId, t.name, t.id),
    // "No partner" is IS NULL, which a (partner, …) index cannot walk in order: partial indexes.
    index("customer_org_unowned_created_id_idx").on(t.created, t.id).where(sql`${t.partnerOrgId} is null`),
    index("customer_org_unowned_name_id_idx").on(t.name, t.id).where(sql`${t.partnerOrgId} is null`),
  ],
);

/** How a usage metric adds up over days and organisations: a total (GB transferred) or a peak (seats). */
export const usageAggregation = pgEnum("usage_aggregation", ["sum", "max"]);

/** What the business's platform reports per customer organisation and day (seed 002's "Total GB transferred"). */
export const usageMetric = pgTable(
  "usage_metric",
  {
    id: text("id").primaryKey(),
    /** The name integrators send, e.g. `gb_transferred`. */
    key: text("key").notNull(),
    name: text("name").notNull(),
    unit: text("unit").notNull(),
    aggregation: usageAggregation("aggregation").notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("usage_metric_key_key").on(t.key),
    check("usage_metric_key_format", sql`${t.key} ~ '^[a-z][a-z0-9_]{0,62}$'`),
  ],
);

/**
 * Usage records as ingested, kept so a retried record (same id, the caller's idempotency key) is
 * never counted twice. Reports never read this table: they read usage_daily.
 */
export const usageRecord = pgTable(
  "usage_record",
  {
    id: text("id").primaryKey(),
    customerOrgId: text("customer_org_id")
      .notNull()
      .references(() => customerOrg.id, { onDelete: "cascade" }),
    // No foreign key: usage_daily's holds the metric (every record has its roll-up row), and one
    // here would scan all records, through no index, whenever a metric is deleted.
    metricId: text("metric_id").notNull(),
    /** A UTC date. */
    day: date("day", { mode: "string" }).notNull(),
    quantity: numeric("quantity", { precision: 18, scale: 6 }).notNull(),
    apiClientId: text("api_client_id"),
    received: timestamp("received", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    // The organisation's delete cascades through this index rather than a scan of every record.
    index("usage_record_org_idx").on(t.customerOrgId),
    check("usage_record_quantity_nonnegative", sql`${t.quantity} >= 0`),
  ],
);

/**
 * Daily roll-ups per (organisation, day, metric), kept in the transaction that stores the records:
 * a 90-day report reads at most 90 rows per organisation and metric, however many records there are.
 */
export const usageDaily = pgTable(
  "usage_daily",
  {
    customerOrgId: text("customer_org_id")
      .notNull()
      .references(() => customerOrg.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    metricId: text("metric_id")
      .notNull()
      .references(() => usageMetric.id),
    total: numeric("total").notNull(),
    peak: numeric("peak", { precision: 18, scale: 6 }).notNull(),
    records: integer("records").notNull(),
  },
  (t) => [
    // An organisation's period is one range of this key.
    primaryKey({ name: "usage_daily_pkey", columns: [t.customerOrgId, t.day, t.metricId] }),
    // Every organisation's days of one metric (the portal-wide chart), and "has this metric usage?".
    index("usage_daily_metric_day_idx").on(t.metricId, t.day),
  ],
);

/**
 * The same roll-ups keyed by the organisation's partner ("" for "No partner") and aligned blocks of
 * 1, 4, 16 and 64 days (level 0 to 3, counted from 2000-01-01): a 90-day period is at most ~20
 * blocks, so a partner's totals per organisation read ~20 rows per organisation and metric, in
 * index order, instead of 90. A trigger on customer_org moves the rows when the organisation moves.
 */
export const usageBlock = pgTable(
  "usage_block",
  {
    customerOrgId: text("customer_org_id")
      .notNull()
      .references(() => customerOrg.id, { onDelete: "cascade" }),
    level: smallint("level").notNull(),
    start: date("start", { mode: "string" }).notNull(),
    metricId: text("metric_id").notNull(),
    partnerKey: text("partner_key").notNull(),
    total: numeric("total").notNull(),
    peak: numeric("peak", { precision: 18, scale: 6 }).notNull(),
  },
  (t) => [
    primaryKey({ name: "usage_block_pkey", columns: [t.customerOrgId, t.level, t.start, t.metricId] }),
    // INCLUDE (customer_org_id, metric_id, total, peak) is added by hand-written SQL (0006): drizzle-kit has no INCLUDE.
    index("usage_block_partner_idx").on(t.partnerKey, t.level, t.start),
  ],
);

/**
 * Daily figures per partner ("" for "No partner"): the chart of a partner's report and the
 * portal-wide report read these. Kept by the ingestion and, when an organisation moves or is
 * deleted, by the trigger on customer_org (hand-written SQL in the migrations).
 */
export const usagePartnerDaily = pgTable(
  "usage_partner_daily",
  {
    partnerKey: text("partner_key").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    metricId: text("metric_id").notNull(),
    total: numeric("total").notNull(),
    peak: numeric("peak", { precision: 18, scale: 6 }).notNull(),
    records: integer("records").notNull(),
  },
  (t) => [
    primaryKey({ name: "usage_partner_daily_pkey", columns: [t.partnerKey, t.day, t.metricId] }),
    index("usage_partner_daily_day_idx").on(t.day),
  ],
);

export const adminUser = pgTable(
  "admin_user",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name"),
    role: adminRole("role").notNull().default("admin"),
    passwordHash: text("password_hash"),
    sessionVersion: integer("session_version").notNull().default(0),
    ...timestamps,
  },
  (t) => [uniqueIndex("admin_user_email_lower_key").on(sql`lower(${t.email})`)],
);

/** Invitation and password-reset links. Only the SHA-256 of the token is stored. */
export const userToken = pgTable(
  "user_token",
  {
    id: text("id").primaryKey(),
    tokenHash: text("token_hash").notNull(),
    purpose: tokenPurpose("purpose").notNull(),
    principalKind: principalKind("principal_kind").notNull(),
    principalId: text("principal_id").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date", precision: 3 }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date", precision: 3 }),
    created: timestamp("created", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    /**
     * A reset link's token, encrypted (AES-256-GCM, key derived from the auth secret), so "Forgot
     * password?" can send the live link again instead of minting a new one that replaces it.
     */
    sealedToken: text("sealed_token"),
  },
  (t) => [
    uniqueIndex("user_token_hash_key").on(t.tokenHash),
    index("user_token_principal_idx").on(t.principalKind, t.principalId),
  ],
);

/** OAuth 2.0 client-credentials clients of the REST API. Only a hash of the secret is stored. */
export const apiClient = pgTable("api_client", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  secretHash: text("secret_hash").notNull(),
  createdBy: text("created_by"),
  created: timestamp("created", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date", precision: 3 }),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date", precision: 3 }),
});

/**
 * Bearer tokens of a partner's SCIM provisioning (its directory: Okta, Entra ID...). A token acts
 * for its own partner only. Only an HMAC-SHA-256 of the token is stored (keyed from the auth secret).
 */
export const scimToken = pgTable(
  "scim_token",
  {
    id: text("id").primaryKey(),
    partnerOrgId: text("partner_org_id")
      .notNull()
      .references(() => partnerOrg.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    description: text("description"),
    /** The token's last four characters, so people can tell their tokens apart. */
    hint: text("hint").notNull(),
    createdBy: text("created_by"),
    created: timestamp("created", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date", precision: 3 }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date", precision: 3 }),
  },
  (t) => [uniqueIndex("scim_token_hash_key").on(t.tokenHash), index("scim_token_org_idx").on(t.partnerOrgId, t.id)],
);

/**
 * Server-side sessions: one row per signed-in browser session, its id (`sid`) carried in the
 * session JWT. Signing out deletes the row, so a copied cookie is refused on every instance;
 * "Sign out everywhere" deletes all of a user's rows. Expired rows are pruned at sign-in.
 */
export const authSession = pgTable(
  "auth_session",
  {
    id: text("id").primaryKey(),
    userKind: principalKind("user_kind").notNull(),
    userId: text("user_id").notNull(),
    created: timestamp("created", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
  },
  (t) => [index("auth_session_user_idx").on(t.userKind, t.userId), index("auth_session_expires_idx").on(t.expiresAt)],
);

/** Fixed-window counters for rate limits, shared by every app instance on the database. */
export const rateLimit = pgTable("rate_limit", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  windowStart: timestamp("window_start", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
});

/** Append-only audit trail (a trigger refuses UPDATE and DELETE). */
export const activity = pgTable(
  "activity",
  {
    id: text("id").primaryKey(),
    at: timestamp("at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    actorKind: actorKind("actor_kind").notNull(),
    actorId: text("actor_id"),
    actorLabel: text("actor_label"),
    action: text("action").notNull(),
    targetKind: text("target_kind"),
    targetId: text("target_id"),
    partnerOrgId: text("partner_org_id"),
    change: jsonb("change"),
    success: boolean("success").notNull().default(true),
  },
  (t) => [
    index("activity_org_idx").on(t.partnerOrgId, t.id),
    index("activity_actor_idx").on(t.actorId, t.id),
    index("activity_action_idx").on(t.action, t.id),
    // A move is recorded under the new partner; the old one finds it through this index.
    index("activity_moved_from_idx")
      .on(sql`(${t.change} #>> '{before,partnerOrgId}')`, t.id)
      .where(sql`${t.action} in ('organisation.moved', 'partner_user.moved')`),
  ],
);

/**
 * The transactional outbox of events: written in the transaction of the change (beside its
 * activity entry), so an event exists exactly when the change committed. `pos` is the order of
 * insertion (a database sequence, so several instances' clocks do not matter); `seq` is given
 * after commit by one sequencer at a time (lib/events/sequencer.ts), so readers that page by
 * `seq` never see a later event before an earlier one commits.
 */
export const event = pgTable(
  "event",
  {
    id: text("id").primaryKey(),
    pos: bigint("pos", { mode: "number" }).generatedAlwaysAsIdentity().notNull(),
    seq: bigint("seq", { mode: "number" }),
    type: text("type").notNull(),
    /** The resource the event is about: deliveries of one resource go out in order. */
    resourceId: text("resource_id").notNull(),
    partnerOrgId: text("partner_org_id"),
    activityId: text("activity_id"),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
    data: jsonb("data").notNull(),
  },
  (t) => [
    uniqueIndex("event_seq_key").on(t.seq),
    uniqueIndex("event_pos_key").on(t.pos),
    index("event_unsequenced_idx").on(t.pos).where(sql`seq is null`),
  ],
);

/** pending → sending (claimed, with a lease) → succeeded | pending again (retry) | failed. */
export const outboxStatus = pgEnum("outbox_status", ["pending", "sending", "succeeded", "failed"]);

/** Where webhooks go. The signing secret is kept encrypted with a key derived from AUTH_SECRET. */
export const webhookEndpoint = pgTable("webhook_endpoint", {
  id: text("id").primaryKey(),
  url: text("url").notNull(),
  /** The event types sent; null means every type, including types added later. */
  eventTypes: text("event_types").array(),
  secret: text("secret").notNull(),
  /** After a rotation the previous secret also signs, until it expires, so receivers can switch over. */
  previousSecret: text("previous_secret"),
  previousSecretExpiresAt: timestamp("previous_secret_expires_at", { withTimezone: true, mode: "date", precision: 3 }),
  disabledAt: timestamp("disabled_at", { withTimezone: true, mode: "date", precision: 3 }),
  disabledReason: text("disabled_reason"),
  /** When deliveries started failing without a success since; cleared by a success. */
  failingSince: timestamp("failing_since", { withTimezone: true, mode: "date", precision: 3 }),
  createdBy: text("created_by"),
  ...timestamps,
});

export const webhookDelivery = pgTable(
  "webhook_delivery",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => webhookEndpoint.id, { onDelete: "cascade" }),
    eventId: text("event_id")
      .notNull()
      .references(() => event.id, { onDelete: "cascade" }),
    seq: bigint("seq", { mode: "number" }).notNull(),
    resourceId: text("resource_id").notNull(),
    status: outboxStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true, mode: "date", precision: 3 }),
    created: timestamp("created", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true, mode: "date", precision: 3 }),
  },
  (t) => [
    uniqueIndex("webhook_delivery_endpoint_event_key").on(t.endpointId, t.eventId),
    index("webhook_delivery_due_idx").on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index("webhook_delivery_lease_idx").on(t.lockedUntil).where(sql`status = 'sending'`),
    // The head of each (endpoint, resource) chain: deliveries of one resource go out in order.
    index("webhook_delivery_chain_idx").on(t.endpointId, t.resourceId, t.seq).where(sql`status in ('pending', 'sending')`),
  ],
);

/** The delivery log: one row per attempt. */
export const webhookAttempt = pgTable(
  "webhook_attempt",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    deliveryId: bigint("delivery_id", { mode: "number" })
      .notNull()
      .references(() => webhookDelivery.id, { onDelete: "cascade" }),
    endpointId: text("endpoint_id").notNull(),
    attempt: integer("attempt").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
    succeeded: boolean("succeeded").notNull(),
    statusCode: integer("status_code"),
    durationMs: integer("duration_ms").notNull(),
    responseExcerpt: text("response_excerpt"),
    error: text("error"),
  },
  (t) => [index("webhook_attempt_endpoint_idx").on(t.endpointId, t.id), index("webhook_attempt_delivery_idx").on(t.deliveryId)],
);

/**
 * Mail waiting to be sent, queued in the transaction of the token it carries: a rolled-back
 * change mails nothing, and an SMTP outage only delays it. The body is cleared once sent.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: text("id").primaryKey(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text"),
    html: text("html"),
    link: text("link"),
    status: outboxStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true, mode: "date", precision: 3 }),
    /** The link in the mail stops working then: trying later is pointless. */
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
    lastError: text("last_error"),
    created: timestamp("created", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date", precision: 3 }),
  },
  (t) => [
    index("mail_outbox_due_idx").on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index("mail_outbox_lease_idx").on(t.lockedUntil).where(sql`status = 'sending'`),
  ],
);

/** Small key/value store for instance-wide settings (e.g. the generated auth secret when no DATA_DIR is shared). */
export const appSetting = pgTable("app_setting", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

export type PartnerOrgRow = typeof partnerOrg.$inferSelect;
export type PartnerUserRow = typeof partnerUser.$inferSelect;
export type CustomerOrgRow = typeof customerOrg.$inferSelect;
export type ScimTokenRow = typeof scimToken.$inferSelect;
export type AdminUserRow = typeof adminUser.$inferSelect;
export type InvoiceOwner = (typeof invoiceOwner.enumValues)[number];
export type PartnerRole = (typeof partnerRole.enumValues)[number];
export type AdminRole = (typeof adminRole.enumValues)[number];
export type UsageAggregation = (typeof usageAggregation.enumValues)[number];
export type UsageMetricRow = typeof usageMetric.$inferSelect;
export type PartnerOrgStatus = (typeof partnerOrgStatus.enumValues)[number];
export type EventRow = typeof event.$inferSelect;
export type WebhookEndpointRow = typeof webhookEndpoint.$inferSelect;
export type ApiClientRow = typeof apiClient.$inferSelect;

/**
 * Uploaded partner logos, re-encoded by the server (lib/branding/logos.ts), keyed by the SHA-256 of
 * the stored bytes: served at /api/logos/<hash>.webp, cacheable for ever since a change is a new hash.
 */
export const logoImage = pgTable("logo_image", {
  hash: text("hash").primaryKey(),
  contentType: text("content_type").notNull(),
  data: bytea("data").notNull(),
  width: integer("width").notNull(),
  height: integer("height").notNull(),
  created: timestamp("created", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
});

/** How a partner's identity provider speaks: OpenID Connect or SAML 2.0. */
export const ssoProtocol = pgEnum("sso_protocol", ["oidc", "saml"]);

/**
 * A partner's email domains (Settings > Domains). Added unverified with a random token that the
 * partner publishes as a DNS TXT record; "Verify" looks it up, or a portal admin marks it as
 * verified (audited). A domain is verified by ONE partner only; public mail domains are refused
 * (lib/partners/domains.ts). A verified domain routes email-first sign-in to the partner's SSO and
 * lets just-in-time members in.
 */
export const partnerDomain = pgTable(
  "partner_domain",
  {
    id: text("id").primaryKey(),
    partnerOrgId: text("partner_org_id")
      .notNull()
      .references(() => partnerOrg.id, { onDelete: "cascade" }),
    /** Lower case, ASCII (an internationalised name in its xn-- form), no trailing dot. */
    domain: text("domain").notNull(),
    /** The value of the TXT record to publish (see lib/partners/domains.ts for the record's name). */
    verificationToken: text("verification_token").notNull(),
    verifiedAt: timestamp("verified_at", { withTimezone: true, mode: "date", precision: 3 }),
    /** "dns" (the TXT record was found) or "admin" (a portal admin marked it as verified). */
    verificationMethod: text("verification_method"),
    lastCheckedAt: timestamp("last_checked_at", { withTimezone: true, mode: "date", precision: 3 }),
    created: timestamp("created", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("partner_domain_org_domain_key").on(t.partnerOrgId, t.domain),
    // One partner only may hold a domain verified.
    uniqueIndex("partner_domain_verified_key").on(t.domain).where(sql`${t.verifiedAt} is not null`),
    check("partner_domain_lower_check", sql`${t.domain} = lower(${t.domain}) and ${t.domain} not like '%.'`),
    check(
      "partner_domain_verified_check",
      sql`(${t.verifiedAt} is null) = (${t.verificationMethod} is null) and (${t.verificationMethod} is null or ${t.verificationMethod} in ('dns', 'admin'))`,
    ),
  ],
);

/**
 * A partner's single sign-on (Settings > Single sign-on): one identity provider per partner.
 * OpenID Connect: issuer, client ID and the client secret sealed (lib/crypto/sealed.ts, purpose
 * "sso-client-secret"). SAML 2.0: the IdP's metadata XML as given, and what was read from it.
 * Sign-in uses it only while `enabled`. `requireSso` turns password sign-in off for the partner's
 * users except the break-glass Admin; `jitEnabled` creates a first-time SSO user of a verified
 * domain with `jitRole`.
 */
export const partnerSsoConnection = pgTable(
  "partner_sso_connection",
  {
    partnerOrgId: text("partner_org_id")
      .primaryKey()
      .references(() => partnerOrg.id, { onDelete: "cascade" }),
    protocol: ssoProtocol("protocol").notNull(),
    enabled: boolean("enabled").notNull().default(false),
    oidcIssuer: text("oidc_issuer"),
    oidcClientId: text("oidc_client_id"),
    oidcClientSecretSealed: text("oidc_client_secret_sealed"),
    samlIdpMetadata: text("saml_idp_metadata"),
    samlIdpEntityId: text("saml_idp_entity_id"),
    samlIdpSsoUrl: text("saml_idp_sso_url"),
    /** The IdP's signing certificates, PEM, from its metadata. */
    samlIdpCertificates: text("saml_idp_certificates").array(),
    requireSso: boolean("require_sso").notNull().default(false),
    /** The one partner Admin who may still sign in with a password while SSO is required. */
    breakGlassUserId: text("break_glass_user_id").references(() => partnerUser.id, { onDelete: "set null" }),
    jitEnabled: boolean("jit_enabled").notNull().default(false),
    jitRole: partnerRole("jit_role").notNull().default("viewer"),
    /** What the last "Test connection" reported (who came back, or why it failed). */
    lastTestedAt: timestamp("last_tested_at", { withTimezone: true, mode: "date", precision: 3 }),
    lastTestResult: jsonb("last_test_result"),
    ...timestamps,
  },
  (t) => [
    check(
      "partner_sso_connection_protocol_check",
      sql`(${t.protocol} = 'oidc' and ${t.oidcIssuer} is not null and ${t.oidcClientId} is not null and ${t.oidcClientSecretSealed} is not null)
        or (${t.protocol} = 'saml' and ${t.samlIdpEntityId} is not null and ${t.samlIdpSsoUrl} is not null and cardinality(${t.samlIdpCertificates}) > 0)`,
    ),
  ],
);

/**
 * Sign-ins sent to a partner's identity provider and not yet back: the OIDC `state` (with its PKCE
 * verifier and nonce) or the SAML AuthnRequest ID that the response's InResponseTo must name.
 * Used once (deleted when the answer comes back) and only until `expiresAt`. `purpose` "test" is
 * a "Test connection": its answer is reported to `initiatedBy`, nobody is signed in.
 */
export const ssoRequest = pgTable(
  "sso_request",
  {
    id: text("id").primaryKey(),
    partnerOrgId: text("partner_org_id")
      .notNull()
      .references(() => partnerOrg.id, { onDelete: "cascade" }),
    protocol: ssoProtocol("protocol").notNull(),
    purpose: text("purpose").notNull().default("sign_in"),
    codeVerifier: text("code_verifier"),
    nonce: text("nonce"),
    /** For a test: "admin:<id>" or "partner_user:<id>", who may read the result. */
    initiatedBy: text("initiated_by"),
    /** Where to go after signing in (a path of this app). */
    returnTo: text("return_to"),
    created: timestamp("created", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
  },
  (t) => [
    index("sso_request_expires_idx").on(t.expiresAt),
    check("sso_request_purpose_check", sql`${t.purpose} in ('sign_in', 'test')`),
  ],
);

/** SAML assertion IDs already accepted, kept until the assertion expires: a replay is refused. */
export const ssoAssertionSeen = pgTable(
  "sso_assertion_seen",
  {
    partnerOrgId: text("partner_org_id")
      .notNull()
      .references(() => partnerOrg.id, { onDelete: "cascade" }),
    assertionId: text("assertion_id").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.partnerOrgId, t.assertionId] }), index("sso_assertion_seen_expires_idx").on(t.expiresAt)],
);

/**
 * One-time sign-in tickets: an SSO answer that was accepted becomes a ticket (only its SHA-256 is
 * stored), handed to the browser in an HttpOnly cookie and exchanged once, within a minute, for
 * a session by the "partner-sso-ticket" sign-in (lib/auth/providers/partner.ts).
 */
export const ssoTicket = pgTable(
  "sso_ticket",
  {
    tokenHash: text("token_hash").primaryKey(),
    partnerUserId: text("partner_user_id")
      .notNull()
      .references(() => partnerUser.id, { onDelete: "cascade" }),
    protocol: ssoProtocol("protocol").notNull(),
    returnTo: text("return_to"),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
  },
  (t) => [index("sso_ticket_expires_idx").on(t.expiresAt)],
);

export type PartnerDomainRow = typeof partnerDomain.$inferSelect;
export type PartnerSsoConnectionRow = typeof partnerSsoConnection.$inferSelect;
export type SsoProtocol = (typeof ssoProtocol.enumValues)[number];
