import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db, Queryable } from "@/db";
import { partnerOrg, partnerSsoConnection, partnerUser, type PartnerRole, type PartnerSsoConnectionRow, type SsoProtocol } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { seal } from "@/lib/crypto/sealed";
import { DomainError, invalid, notFound } from "@/lib/errors";
import type { SsoConnectionInput, SsoSignInSettingsInput } from "@/lib/validations/sso";
import { CLIENT_SECRET_PURPOSE, discoverOidc } from "./oidc";
import type { SsoTestResult } from "./requests";
import { parseIdpMetadata, type SamlIdpSettings } from "./saml";

/**
 * A partner's single sign-on connection as Settings shows it: the client secret never leaves the
 * server, only whether one is stored.
 */
export interface SsoConnectionView {
  partnerOrgId: string;
  protocol: SsoProtocol;
  enabled: boolean;
  oidcIssuer: string | null;
  oidcClientId: string | null;
  hasClientSecret: boolean;
  samlIdpMetadata: string | null;
  samlIdpEntityId: string | null;
  samlIdpSsoUrl: string | null;
  samlCertificateCount: number;
  requireSso: boolean;
  breakGlassUserId: string | null;
  jitEnabled: boolean;
  jitRole: PartnerRole;
  lastTestResult: SsoTestResult | null;
}

const view = (row: PartnerSsoConnectionRow): SsoConnectionView => ({
  partnerOrgId: row.partnerOrgId,
  protocol: row.protocol,
  enabled: row.enabled,
  oidcIssuer: row.oidcIssuer,
  oidcClientId: row.oidcClientId,
  hasClientSecret: Boolean(row.oidcClientSecretSealed),
  samlIdpMetadata: row.samlIdpMetadata,
  samlIdpEntityId: row.samlIdpEntityId,
  samlIdpSsoUrl: row.samlIdpSsoUrl,
  samlCertificateCount: row.samlIdpCertificates?.length ?? 0,
  requireSso: row.requireSso,
  breakGlassUserId: row.breakGlassUserId,
  jitEnabled: row.jitEnabled,
  jitRole: row.jitRole,
  lastTestResult: (row.lastTestResult as SsoTestResult | null) ?? null,
});

/** The stored connection of a partner, for the sign-in routes (no caller: the routes decide who may start). */
export async function ssoConnectionOf(db: Queryable, partnerOrgId: string): Promise<PartnerSsoConnectionRow | null> {
  const [row] = await db.select().from(partnerSsoConnection).where(eq(partnerSsoConnection.partnerOrgId, partnerOrgId));
  return row ?? null;
}

/** The partner's connection for Settings, or null when it has none. */
export async function getSsoConnection(db: Queryable, actor: Actor, partnerOrgId: string): Promise<SsoConnectionView | null> {
  assertCan(actor, "sso:read", partnerOrgId);
  const row = await ssoConnectionOf(db, partnerOrgId);
  return row ? view(row) : null;
}

/** The partner's active Admins: who may be the break-glass Admin while SSO is required. */
export async function ssoBreakGlassCandidates(db: Queryable, actor: Actor, partnerOrgId: string): Promise<{ id: string; email: string }[]> {
  assertCan(actor, "sso:read", partnerOrgId);
  return db
    .select({ id: partnerUser.id, email: partnerUser.email })
    .from(partnerUser)
    .where(and(eq(partnerUser.partnerOrgId, partnerOrgId), eq(partnerUser.role, "admin"), isNull(partnerUser.suspendedAt)))
    .orderBy(asc(partnerUser.email));
}

/** What a connection's audit entry says of it: where it points, never its secret. */
function described(row: PartnerSsoConnectionRow | undefined | null) {
  if (!row) return null;
  return row.protocol === "oidc"
    ? { protocol: "oidc", issuer: row.oidcIssuer, clientId: row.oidcClientId }
    : { protocol: "saml", entityId: row.samlIdpEntityId, ssoUrl: row.samlIdpSsoUrl, certificates: row.samlIdpCertificates?.length ?? 0 };
}

/** The connection's protocol fields as given: OpenID Connect after discovery, SAML from its metadata. */
async function protocolFields(existing: PartnerSsoConnectionRow | null, input: SsoConnectionInput) {
  const none = { oidcIssuer: null, oidcClientId: null, oidcClientSecretSealed: null, samlIdpMetadata: null, samlIdpEntityId: null, samlIdpSsoUrl: null, samlIdpCertificates: null };
  if (input.protocol === "saml") {
    const settings = await parseSamlMetadata(input.metadataXml);
    return { ...none, samlIdpMetadata: input.metadataXml, samlIdpEntityId: settings.entityId, samlIdpSsoUrl: settings.ssoUrl, samlIdpCertificates: settings.certificates };
  }
  // An empty secret keeps the stored one, only for the same issuer: a stored secret is never sent to another provider.
  const sameIssuer = existing?.protocol === "oidc" && existing.oidcIssuer === input.issuer;
  const keep = sameIssuer && existing.oidcClientSecretSealed ? existing.oidcClientSecretSealed : null;
  if (!input.clientSecret && !keep) {
    const message = existing?.oidcClientSecretSealed && !sameIssuer ? "Enter the client secret again: the Issuer URL changed." : "Client secret is required.";
    throw invalid(message, { clientSecret: [message] });
  }
  // Discovery: the issuer must answer, and its metadata must name it as the issuer.
  await discoverOidc(input.issuer, input.clientId, input.clientSecret || undefined);
  return {
    ...none,
    oidcIssuer: input.issuer,
    oidcClientId: input.clientId,
    oidcClientSecretSealed: input.clientSecret ? await seal(CLIENT_SECRET_PURPOSE, input.clientSecret) : keep,
  };
}

/** SAML 2.0: the IdP's entity ID, sign-in URL and certificates, from its metadata (lib/sso/saml.ts), its refusal shown at the field. */
async function parseSamlMetadata(xml: string): Promise<SamlIdpSettings> {
  try {
    return parseIdpMetadata(xml);
  } catch (err) {
    if (err instanceof DomainError && err.code === "invalid") throw invalid(err.message, { metadataXml: [err.message] });
    throw err;
  }
}

/**
 * Saves the partner's connection (OpenID Connect or SAML 2.0). Changing the protocol replaces the
 * other protocol's fields; a new connection starts off (turned on with "Use single sign-on").
 * Nothing is written unless the provider checks out. Audited, without the secret.
 */
export async function saveSsoConnection(db: Db, actor: Actor, input: SsoConnectionInput): Promise<SsoConnectionView> {
  assertCan(actor, "sso:manage", input.orgId);
  const before = await ssoConnectionOf(db, input.orgId);
  const fields = await protocolFields(before, input);
  return db.transaction(async (tx) => {
    const [org] = await tx.select({ id: partnerOrg.id }).from(partnerOrg).where(eq(partnerOrg.id, input.orgId)).for("share");
    if (!org) throw notFound("Partner organisation not found.");
    const [current] = await tx.select().from(partnerSsoConnection).where(eq(partnerSsoConnection.partnerOrgId, input.orgId)).for("update");
    const changed = {
      protocol: input.protocol,
      ...fields,
      // A test of another provider says nothing about this one.
      ...(current && JSON.stringify(described(current)) === JSON.stringify(described({ ...current, ...fields, protocol: input.protocol })) ? {} : { lastTestedAt: null, lastTestResult: null }),
    };
    const [row] = current
      ? await tx.update(partnerSsoConnection).set({ ...changed, modified: new Date() }).where(eq(partnerSsoConnection.partnerOrgId, input.orgId)).returning()
      : await tx.insert(partnerSsoConnection).values({ partnerOrgId: input.orgId, ...changed }).returning();
    await recordActivity(tx, actor, {
      action: "partner_sso_connection.saved",
      targetKind: "partner_sso_connection",
      targetId: input.orgId,
      partnerOrgId: input.orgId,
      change: {
        before: described(current),
        after: described(row),
        ...(input.protocol === "oidc" ? { clientSecret: input.clientSecret ? "replaced" : "kept" } : {}),
      },
    });
    return view(row!);
  });
}

/**
 * "Use single sign-on", "Require SSO" (with the break-glass Admin: an active Admin of this partner,
 * or none) and "Just-in-time members" (with the default role). Requiring SSO without a break-glass
 * Admin is allowed: the page warns that nobody can then sign in with a password.
 */
export async function setSsoSignInSettings(db: Db, actor: Actor, input: SsoSignInSettingsInput): Promise<SsoConnectionView> {
  assertCan(actor, "sso:manage", input.orgId);
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(partnerSsoConnection).where(eq(partnerSsoConnection.partnerOrgId, input.orgId)).for("update");
    if (!current) throw invalid("Save a connection first.");
    let breakGlass: { id: string; email: string } | null = null;
    if (input.breakGlassUserId) {
      const [user] = await tx
        .select({ id: partnerUser.id, email: partnerUser.email, role: partnerUser.role, partnerOrgId: partnerUser.partnerOrgId, suspendedAt: partnerUser.suspendedAt })
        .from(partnerUser)
        .where(eq(partnerUser.id, input.breakGlassUserId));
      if (!user || user.partnerOrgId !== input.orgId || user.role !== "admin" || user.suspendedAt) {
        const message = "The break-glass Admin must be an active Admin of this partner.";
        throw invalid(message, { breakGlassUserId: [message] });
      }
      breakGlass = { id: user.id, email: user.email };
    }
    const settings = {
      enabled: input.enabled,
      requireSso: input.requireSso,
      breakGlassUserId: breakGlass?.id ?? null,
      jitEnabled: input.jitEnabled,
      jitRole: input.jitRole,
    };
    const [row] = await tx.update(partnerSsoConnection).set({ ...settings, modified: new Date() }).where(eq(partnerSsoConnection.partnerOrgId, input.orgId)).returning();
    const [previousBreakGlass] = current.breakGlassUserId
      ? await tx.select({ email: partnerUser.email }).from(partnerUser).where(eq(partnerUser.id, current.breakGlassUserId))
      : [];
    await recordActivity(tx, actor, {
      action: "partner_sso_connection.settings_changed",
      targetKind: "partner_sso_connection",
      targetId: input.orgId,
      partnerOrgId: input.orgId,
      change: {
        before: { enabled: current.enabled, requireSso: current.requireSso, breakGlass: previousBreakGlass?.email ?? null, jitEnabled: current.jitEnabled, jitRole: current.jitRole },
        after: { enabled: settings.enabled, requireSso: settings.requireSso, breakGlass: breakGlass?.email ?? null, jitEnabled: settings.jitEnabled, jitRole: settings.jitRole },
      },
    });
    return view(row!);
  });
}

/** Removes the partner's single sign-on: its users sign in with passwords again. Audited. */
export async function removeSsoConnection(db: Db, actor: Actor, partnerOrgId: string): Promise<void> {
  assertCan(actor, "sso:manage", partnerOrgId);
  await db.transaction(async (tx) => {
    const [removed] = await tx.delete(partnerSsoConnection).where(eq(partnerSsoConnection.partnerOrgId, partnerOrgId)).returning();
    if (!removed) throw notFound("This partner has no single sign-on.");
    await recordActivity(tx, actor, {
      action: "partner_sso_connection.removed",
      targetKind: "partner_sso_connection",
      targetId: partnerOrgId,
      partnerOrgId,
      change: { before: described(removed) },
    });
  });
}
