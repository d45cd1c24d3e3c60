import Link from "next/link";
import { getDb } from "@/db";
import { listActivity } from "@/lib/activity-query";
import { can } from "@/lib/auth/policy";
import type { AdminActor } from "@/lib/auth/session";
import { ActivityTable } from "./activity-table";
import { toActivityViews } from "./to-view";

/** The organisation's latest activity, on its page in the admin app. */
export async function OrgActivitySection({ admin, orgId }: { admin: AdminActor; orgId: string }) {
  if (!can(admin, "activity:read")) return null;
  const page = await listActivity(await getDb(), admin, { actor: "", org: orgId, action: "", size: 25 });
  // Collapsed by default: the users table stays the page's main content, and the trail (which
  // repeats names and emails) opens on demand.
  return (
    <section aria-labelledby="activity-heading">
      <details className="group space-y-3">
        <summary className="flex cursor-pointer list-none items-center justify-between gap-4">
          <h2 id="activity-heading" className="text-lg font-semibold">
            Activity <span className="text-sm font-normal text-muted-foreground">({page.rows.length === 25 ? "latest 25 entries" : `${page.rows.length} entr${page.rows.length === 1 ? "y" : "ies"}`}; select to show)</span>
          </h2>
        </summary>
        <p className="text-sm">
          <Link href={`/activity?org=${encodeURIComponent(orgId)}`} className="underline underline-offset-4">
            All activity of this organisation
          </Link>
        </p>
        <ActivityTable rows={toActivityViews(page.rows)} caption="Activity of this organisation" />
      </details>
    </section>
  );
}
