import "server-only";
import { and, eq, isNotNull, isNull, not, or, sql, type SQL } from "drizzle-orm";
import { parse, type Filter } from "scim2-parse-filter";
import { partnerUser } from "@/db/schema";
import { isId } from "@/lib/ids";
import { escapeLike } from "@/lib/pagination";
import { ScimError } from "./errors";
import { canonicalName, USER_SCHEMA } from "./user-resource";

const unsupported = (what: string) =>
  new ScimError(
    400,
    `${what} Supported: userName, emails(.value) and externalId with eq, ne, co, sw, ew or pr; id, emails.type and active with eq; and, or, not.`,
    "invalidFilter",
  );

/** "urn:…:User:userName" and "USERNAME" both name userName. */
function attribute(path: string): string {
  const bare = path.startsWith(`${USER_SCHEMA}:`) ? path.slice(USER_SCHEMA.length + 1) : path;
  return bare.split(".").map(canonicalName).join(".");
}

const FALSE = sql`false`;

/** A user's userName is `value`: the directory's userName when it differs from the email, else the email (both indexed). */
export function userNameIs(value: string): SQL {
  return or(
    and(isNotNull(partnerUser.directoryUserName), sql`lower(${partnerUser.directoryUserName}) = lower(${value})`),
    and(isNull(partnerUser.directoryUserName), sql`lower(${partnerUser.email}) = lower(${value})`),
  )!;
}

function equals(attr: string, value: unknown): SQL {
  const text = typeof value === "string" ? value : undefined;
  switch (attr) {
    case "userName":
      if (text === undefined) throw unsupported("userName compares with a string.");
      return userNameIs(text);
    case "emails":
    case "emails.value":
      if (text === undefined) throw unsupported("emails compares with a string.");
      return sql`lower(${partnerUser.email}) = lower(${text})`;
    case "emails.type":
      return typeof value === "string" && value.toLowerCase() === "work" ? sql`true` : FALSE;
    case "externalId":
      if (text === undefined) throw unsupported("externalId compares with a string.");
      return eq(partnerUser.externalId, text);
    case "id":
      return text !== undefined && isId(text) ? eq(partnerUser.id, text) : FALSE;
    case "active":
      if (typeof value !== "boolean") throw unsupported("active compares with true or false.");
      return value ? isNull(partnerUser.suspendedAt) : isNotNull(partnerUser.suspendedAt);
    default:
      throw unsupported(`Filtering on "${attr}" is not supported.`);
  }
}

/** The text a string attribute compares on (case-insensitively, RFC 7643 caseExact false). */
function column(attr: string): SQL | undefined {
  if (attr === "userName") return sql`lower(coalesce(${partnerUser.directoryUserName}, ${partnerUser.email}))`;
  if (attr === "emails" || attr === "emails.value") return sql`lower(${partnerUser.email})`;
  if (attr === "externalId") return sql`lower(${partnerUser.externalId})`;
  return undefined;
}

function matches(attr: string, op: "co" | "sw" | "ew", value: unknown): SQL {
  const col = column(attr);
  if (!col) throw unsupported(`The operator "${op}" is not supported on "${attr}".`);
  if (typeof value !== "string") throw unsupported(`"${op}" compares with a string.`);
  const v = escapeLike(value.toLowerCase());
  const pattern = op === "co" ? `%${v}%` : op === "sw" ? `${v}%` : `%${v}`;
  return sql`${col} like ${pattern}`;
}

function present(attr: string): SQL {
  if (attr === "externalId") return isNotNull(partnerUser.externalId);
  if (column(attr)) return sql`true`;
  throw unsupported(`"pr" is not supported on "${attr}".`);
}

function toSql(f: Filter): SQL {
  switch (f.op) {
    case "and":
      return and(...f.filters.map(toSql))!;
    case "or":
      return or(...f.filters.map(toSql))!;
    case "not":
      return not(toSql(f.filter));
    case "[]":
      // emails[type eq "work"] and the like: the value filter applies to the attribute's sub-attributes.
      return toSql(prefixed(f.valFilter, f.attrPath));
    case "eq":
      return equals(attribute(f.attrPath), f.compValue);
    case "ne":
      return not(equals(attribute(f.attrPath), f.compValue));
    case "co":
    case "sw":
    case "ew":
      return matches(attribute(f.attrPath), f.op, f.compValue);
    case "pr":
      return present(attribute(f.attrPath));
    default:
      throw unsupported(`The operator "${f.op}" is not supported.`);
  }
}

function prefixed(f: Filter, parent: string): Filter {
  if (f.op === "and" || f.op === "or") return { ...f, filters: f.filters.map((x) => prefixed(x, parent)) };
  if (f.op === "not") return { ...f, filter: prefixed(f.filter, parent) };
  if (f.op === "[]") throw unsupported("Nested value filters are not supported.");
  const leaf = f as Extract<Filter, { attrPath: string }>;
  return { ...leaf, attrPath: `${parent}.${leaf.attrPath}` };
}

/** A SCIM filter (RFC 7644 §3.4.2.2) over a partner's users, as SQL; unsupported parts are 400 invalidFilter. */
export function userFilter(filter: string): SQL {
  let tree: Filter;
  try {
    tree = parse(filter);
  } catch {
    throw new ScimError(400, `The filter could not be parsed: ${filter.slice(0, 200)}`, "invalidFilter");
  }
  return toSql(tree);
}
