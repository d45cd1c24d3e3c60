import "server-only";
import { ActivityTable } from "@/components/activity/activity-table";
import { Disclosure } from "@/components/activity/disclosure";
import { toActivityViews } from "@/components/activity/to-view";
import { getDb } from "@/db";
import { listActivity } from "@/lib/activity/query";
import { can } from "@/lib/auth/policy";
import type { PartnerActor } from "@/lib/auth/session";

/** The activity trail of the partner pages, for a partner Admin: their own organisation's latest entries only. */
export async function PartnerActivitySection({ actor, orgId }: { actor: PartnerActor; orgId: string }) {
  if (!can(actor, "activity:read", orgId)) return null;
  const page = await listActivity(await getDb(), actor, { actor: "", org: orgId, action: "", size: 50 });
  // Targets link into the admin app, which partner users cannot open: show them as text.
  const rows = toActivityViews(page.rows).map((r) => ({ ...r, target: { label: r.target.label } }));
  return (
    <section aria-labelledby="partner-activity-heading">
      <Disclosure id="partner-activity" title="Activity" note={`latest ${rows.length} entr${rows.length === 1 ? "y" : "ies"}`}>
        <ActivityTable rows={rows} caption="Activity of your organisation" />
      </Disclosure>
    </section>
  );
}
