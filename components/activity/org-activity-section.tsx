import "server-only";
import Link from "next/link";
import { getDb } from "@/db";
import { listActivity } from "@/lib/activity/query";
import { can } from "@/lib/auth/policy";
import type { AdminActor } from "@/lib/auth/session";
import { ActivityTable } from "./activity-table";
import { Disclosure } from "./disclosure";
import { toActivityViews } from "./to-view";

/** The organisation's latest activity, on its page in the admin app. */
export async function OrgActivitySection({ admin, orgId }: { admin: AdminActor; orgId: string }) {
  if (!can(admin, "activity:read")) return null;
  const page = await listActivity(await getDb(), admin, { actor: "", org: orgId, action: "", size: 25 });
  const n = page.rows.length;
  // Closed at first: the users table stays the page's main content.
  return (
    <section aria-labelledby="org-activity-heading">
      <Disclosure id="org-activity" title="Activity" note={n === 25 ? "latest 25 entries" : `${n} entr${n === 1 ? "y" : "ies"}`}>
        <p className="text-sm">
          <Link href={`/activity?org=${encodeURIComponent(orgId)}`} className="underline underline-offset-4">
            All activity of this organisation
          </Link>
        </p>
        <ActivityTable rows={toActivityViews(page.rows)} caption="Activity of this organisation" />
      </Disclosure>
    </section>
  );
}
