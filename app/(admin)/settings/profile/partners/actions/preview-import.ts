"use server";
import { previewPartnerUserImport } from "@/lib/partners/csv-import";
import { adminAction } from "@/lib/safe-action";
import { importUsersSchema } from "@/lib/validations/partner-user-import";

/** Checks a CSV file of partner users and reports each row; writes nothing. */
export const previewImportAction = adminAction(importUsersSchema, async ({ orgId, csv }, { db, actor }) => {
  const preview = await previewPartnerUserImport(db, actor, orgId, csv);
  return {
    valid: preview.valid,
    invalid: preview.invalid,
    rows: preview.rows.map((r) => ({ line: r.line, email: r.email, name: r.name, errors: r.errors })),
  };
});
