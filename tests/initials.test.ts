import assert from "node:assert/strict";
import { test } from "node:test";
import { initialsOf } from "@/components/partners/labels";

test("a partner's initials stand in for a logo that is missing or does not load", () => {
  assert.equal(initialsOf("Acme Resellers Ltd"), "AR");
  assert.equal(initialsOf("  globex  "), "G");
  assert.equal(initialsOf("Öresund Partners"), "ÖP");
  assert.equal(initialsOf("(Bracketed) & Co"), "BC");
  assert.equal(initialsOf("3M Distribution"), "3D");
  assert.equal(initialsOf("—"), "?");
});
