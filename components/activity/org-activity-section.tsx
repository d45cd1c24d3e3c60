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
  return (
    <section aria-labelledby="activity-heading" className="space-y-3">
      <div className="flex items-center justify-between gap-4">
        <h2 id="activity-heading" className="text-lg font-semibold">
          Activity
        </h2>
        <Link href={`/activity?org=${encodeURIComponent(orgId)}`} className="text-sm underline underline-offset-4">
          All activity of this organisation
        </Link>
      </div>
      <ActivityTable rows={toActivityViews(page.rows)} caption="Activity of this organisation" />
    </section>
  );
}
