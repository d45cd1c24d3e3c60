import "server-only";
import { InvalidScimPatchOp, NoPathInScimPatchOp, NoTarget, scimPatch, type ScimPatchOperation, type ScimResource } from "scim-patch";
import { scimPatchSchema } from "@/lib/validations/scim";
import { ScimError, type ScimType } from "./errors";
import { canonicalKeys, canonicalName } from "./user-resource";

/** Attributes the directory cannot change (RFC 7643: id and meta are readOnly). */
const READ_ONLY = new Set(["id", "meta", "schemas"]);

/** Known attribute names in a path spelt canonically, filters included ("Emails[Type eq …].Value"). */
function canonicalPath(path: string): string {
  if (path.startsWith("urn:")) {
    const i = path.lastIndexOf(":");
    return /core:2\.0:User$/.test(path.slice(0, i)) ? canonicalPath(path.slice(i + 1)) : path;
  }
  // Quoted literals ("work") are left alone; only attribute names outside quotes are respelt.
  return path
    .split(/("(?:[^"\\]|\\.)*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/(^|[.[\s])([A-Za-z][\w$-]*)(?=$|[.[\]\s])/g, (m, lead: string, name: string) =>
            /^(eq|ne|co|sw|ew|gt|lt|ge|le|pr|and|or|not|true|false|null)$/i.test(name) && lead === " " ? m : lead + canonicalName(name),
          ),
    )
    .join("");
}

function readOnlyTouched(op: { path?: string; value?: unknown }): boolean {
  const root = op.path?.split(/[.[]/)[0];
  if (root !== undefined) return READ_ONLY.has(root);
  return typeof op.value === "object" && op.value !== null && Object.keys(op.value).some((k) => k === "id" || k === "meta");
}

function fail(err: unknown): never {
  const type: ScimType = err instanceof NoTarget ? "noTarget" : err instanceof InvalidScimPatchOp || err instanceof NoPathInScimPatchOp ? "invalidPath" : "invalidSyntax";
  const message = err instanceof Error ? err.message.replace(/^Invalid SCIM Patch: /, "") : "invalid operation";
  throw new ScimError(400, `The patch cannot be applied: ${message.slice(0, 300)}`, type);
}

/**
 * Applies a PatchOp body (RFC 7644 §3.5.2) to the user's current resource and returns the result;
 * the caller then treats it as a replacement. Okta's path-less `{"op":"replace","value":{"active":false}}`
 * and Entra's `"op":"Replace"`, `"value":"False"` and `emails[type eq "work"].value` paths all apply.
 */
export function applyPatch<T extends object>(resource: T, body: unknown): T {
  const parsed = scimPatchSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ScimError(400, `${issue.path.join(".") || "body"}: ${issue.message}`, "invalidSyntax");
  }
  const operations = parsed.data.Operations.map((op) => ({
    ...op,
    path: op.path === undefined || op.path.trim() === "" ? undefined : canonicalPath(op.path.trim()),
    value: canonicalKeys(op.value),
  }));
  const touched = operations.find(readOnlyTouched);
  if (touched) throw new ScimError(400, `"${touched.path ?? "id"}" is read-only.`, "mutability");
  for (const op of operations) if (op.op === "remove" && !op.path) throw new ScimError(400, "A remove operation needs a path.", "noTarget");
  try {
    return scimPatch(structuredClone(resource) as unknown as ScimResource, operations as ScimPatchOperation[], { mutateDocument: true, treatMissingAsAdd: true }) as unknown as T;
  } catch (err) {
    fail(err);
  }
}
