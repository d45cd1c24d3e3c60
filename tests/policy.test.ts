import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, can, PERMISSIONS, ROLE_PERMISSIONS, roleOf, type Permission, type Role } from "@/lib/auth/policy";
import { DomainError } from "@/lib/errors";

/**
 * The shape of the policy table: what must stay true whatever permissions are added. Which HTTP
 * entry needs which permission, and that the app enforces the table, is the authorization
 * matrix's job (tests/hardening/authz-matrix.hard.ts).
 */
const ALL = Object.keys(PERMISSIONS) as Permission[];
const has = (role: Role) => new Set(ROLE_PERMISSIONS[role]);
const subset = (a: Role, b: Role) => [...has(a)].every((p) => has(b).has(p));

const partner = (role: "viewer" | "maintainer" | "admin"): Actor => ({ kind: "partner_user", id: "u", partnerOrgId: "org-a", role, label: "u" });
const admin = (role: "viewer" | "admin" | "owner"): Actor => ({ kind: "admin", id: "a", role, label: "a" });

describe("the policy table", () => {
  test("lists only known permissions, each once per role", () => {
    for (const [role, permissions] of Object.entries(ROLE_PERMISSIONS)) {
      for (const p of permissions) assert.ok(p in PERMISSIONS, `${role}: unknown permission ${p}`);
      assert.equal(new Set(permissions).size, permissions.length, `${role} lists a permission twice`);
    }
  });

  test("every permission is held by some role other than the app itself", () => {
    const held = new Set(Object.entries(ROLE_PERMISSIONS).filter(([role]) => role !== "system").flatMap(([, ps]) => ps));
    assert.deepEqual(ALL.filter((p) => !held.has(p)), []);
  });

  test("the app itself may do everything, nobody nothing", () => {
    for (const p of ALL) {
      assert.equal(can({ kind: "system", label: "system" }, p, "any-org"), true);
      assert.equal(can({ kind: "anonymous", label: "x" }, p, "any-org"), false);
    }
  });

  test("each role holds at least what the role below it holds", () => {
    assert.ok(subset("admin:viewer", "admin:admin"));
    assert.ok(subset("admin:admin", "admin:owner"));
    assert.ok(subset("partner:viewer", "partner:maintainer"));
    assert.ok(subset("partner:maintainer", "partner:admin"));
  });

  test("viewers only read", () => {
    for (const role of ["admin:viewer", "partner:viewer"] as const) {
      assert.deepEqual([...has(role)].filter((p) => !p.endsWith(":read")), [], role);
    }
  });

  test("every kind of actor maps to a row", () => {
    const actors: Actor[] = [
      admin("owner"), admin("admin"), admin("viewer"), partner("admin"), partner("maintainer"), partner("viewer"),
      { kind: "api_client", id: "c", label: "c" }, { kind: "system", label: "s" }, { kind: "anonymous", label: "n" },
      { kind: "scim_token", id: "t", partnerOrgId: "org-a", label: "t" },
    ];
    for (const a of actors) assert.ok(ROLE_PERMISSIONS[roleOf(a)], `${a.kind} has no row`);
  });
});

describe("can and assertCan", () => {
  test("read the table", () => {
    for (const role of ["owner", "admin", "viewer"] as const) {
      for (const p of ALL) assert.equal(can(admin(role), p), ROLE_PERMISSIONS[`admin:${role}`].includes(p), `admin:${role} ${p}`);
    }
  });

  test("partner users act on their own organisation only, and never without one", () => {
    for (const role of ["viewer", "maintainer", "admin"] as const) {
      for (const p of ROLE_PERMISSIONS[`partner:${role}`]) {
        assert.equal(can(partner(role), p, "org-a"), true, `${role} ${p} on their own org`);
        assert.equal(can(partner(role), p, "org-b"), false, `${role} ${p} on another org`);
        assert.equal(can(partner(role), p), false, `${role} ${p} without an org`);
      }
    }
  });

  test("a SCIM token manages its own organisation's members only, never tokens, organisations or other partners", () => {
    const token: Actor = { kind: "scim_token", id: "t", partnerOrgId: "org-a", label: "t" };
    for (const p of ALL) {
      const granted = ROLE_PERMISSIONS["scim-token"].includes(p);
      assert.equal(can(token, p, "org-a"), granted, `${p} on its own org`);
      assert.equal(can(token, p, "org-b"), false, `${p} on another org`);
      assert.equal(can(token, p), false, `${p} without an org`);
    }
    assert.deepEqual(ROLE_PERMISSIONS["scim-token"].filter((p) => !p.startsWith("user:")), []);
    assert.equal(can(token, "user:reset", "org-a"), false, "a directory does not send password links");
  });

  test("portal admins and API clients are not limited to one organisation", () => {
    assert.equal(can(admin("viewer"), "org:read", "org-b"), true);
    assert.equal(can({ kind: "api_client", id: "c", label: "c" }, "user:create", "org-b"), true);
  });

  test("assertCan throws a forbidden DomainError", () => {
    assert.throws(() => assertCan(partner("viewer"), "user:create", "org-a"), (e) => e instanceof DomainError && e.code === "forbidden");
    assert.doesNotThrow(() => assertCan(partner("admin"), "user:create", "org-a"));
  });
});
