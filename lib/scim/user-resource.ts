import "server-only";
import type { z } from "zod";
import type { PartnerRole, PartnerUserRow } from "@/db/schema";
import { emailField } from "@/lib/validations/fields";
import { partnerRoleValues, phoneField } from "@/lib/validations/partner-user";
import { scimUserSchema, type ScimUserInput } from "@/lib/validations/scim";
import { ScimError } from "./errors";

export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
/** The roles as SCIM shows them (role display and group names). */
export const ROLE_DISPLAY: Record<PartnerRole, string> = { viewer: "Viewer", maintainer: "Maintainer", admin: "Admin" };

/** RFC 7643 §2.1: attribute names are case-insensitive. Known ones are spelt as the schema does. */
const CANONICAL = new Map(
  ["schemas", "id", "externalId", "userName", "name", "givenName", "familyName", "formatted", "middleName", "displayName", "emails", "phoneNumbers", "roles", "value", "type", "primary", "display", "active", "meta", "password"].map((n) => [n.toLowerCase(), n]),
);
export const canonicalName = (name: string) => CANONICAL.get(name.toLowerCase()) ?? name;

/** The body with known attribute names (at any depth) spelt canonically. */
export function canonicalKeys(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => canonicalKeys(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.startsWith("urn:") ? k : canonicalName(k), canonicalKeys(v, depth + 1)]));
}

/** A weak ETag from the row's last change: cheap, and it changes with every write. */
export const versionOf = (row: Pick<PartnerUserRow, "modified">) => `W/"${row.modified.getTime()}"`;

export function toScimUser(row: PartnerUserRow, baseUrl: string) {
  const name = { givenName: row.firstName ?? undefined, familyName: row.lastName ?? undefined, formatted: formatted(row) };
  return {
    schemas: [USER_SCHEMA],
    id: row.id,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    userName: row.directoryUserName ?? row.email,
    ...(name.givenName || name.familyName || name.formatted ? { name } : {}),
    ...(row.name ? { displayName: row.name } : {}),
    emails: [{ value: row.email, type: "work", primary: true }],
    ...(row.phone ? { phoneNumbers: [{ value: row.phone, type: "work", primary: true }] } : {}),
    active: row.suspendedAt === null,
    roles: [{ value: row.role, display: ROLE_DISPLAY[row.role], primary: true }],
    groups: [{ value: row.role, display: ROLE_DISPLAY[row.role], $ref: `${baseUrl}/Groups/${row.role}` }],
    meta: {
      resourceType: "User",
      created: row.created.toISOString(),
      lastModified: row.modified.toISOString(),
      location: `${baseUrl}/Users/${row.id}`,
      version: versionOf(row),
    },
  };
}

function formatted(row: PartnerUserRow): string | undefined {
  const parts = [row.firstName, row.lastName].filter(Boolean);
  return parts.length ? parts.join(" ") : undefined;
}

/** What a SCIM User asks of a partner user, in the domain's words. */
export interface UserFields {
  email: string;
  directoryUserName: string | null;
  externalId: string | null;
  name: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  role?: PartnerRole;
  suspended?: boolean;
}

function invalid(detail: string): never {
  throw new ScimError(400, detail, "invalidValue");
}

export function parseScimUser(body: unknown): ScimUserInput {
  const parsed = scimUserSchema.safeParse(canonicalKeys(body));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    invalid(`${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  return parsed.data;
}

/** The primary value of a multi-valued attribute, else the one of `type`, else the first. */
function pick<T extends { value?: string; type?: string; primary?: boolean }>(values: T[] | null | undefined, ...types: string[]): T | undefined {
  const list = (values ?? []).filter((v) => v.value !== undefined && v.value.trim() !== "");
  // The last value marked primary wins: an "add" appends the new primary after the old one.
  return list.findLast((v) => v.primary) ?? types.map((t) => list.find((v) => v.type?.toLowerCase() === t)).find(Boolean) ?? list[0];
}

function check<S extends z.ZodType>(schema: S, value: unknown, detail: string): z.output<S> {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : invalid(`${detail}: ${parsed.error.issues[0]!.message}`);
}

/**
 * The partner user a SCIM User describes. The email is the primary (or work) email, else userName;
 * userName is kept apart only when it is not that email (an Entra UPN such as j.doe@corp.onmicrosoft.com).
 * Roles and active stay as they are when absent.
 */
export function userFields(user: ScimUserInput): UserFields {
  const emailValue = pick(user.emails, "work")?.value ?? user.userName;
  const email = check(emailField, emailValue, user.emails?.length ? "emails" : "userName (the user's email address, as no email was given)");
  const phoneValue = pick(user.phoneNumbers, "work", "mobile")?.value;
  const roleValue = pick(user.roles)?.value?.trim().toLowerCase();
  if (roleValue !== undefined && !(partnerRoleValues as readonly string[]).includes(roleValue)) {
    invalid(`roles: "${roleValue}" is not a role here; use viewer, maintainer or admin.`);
  }
  return {
    email,
    directoryUserName: user.userName.toLowerCase() === email.toLowerCase() ? null : user.userName,
    externalId: user.externalId || null,
    name: user.displayName || null,
    firstName: user.name?.givenName || null,
    lastName: user.name?.familyName || null,
    phone: phoneValue ? check(phoneField, phoneValue, "phoneNumbers") : null,
    role: roleValue as PartnerRole | undefined,
    suspended: user.active === undefined ? undefined : !user.active,
  };
}
