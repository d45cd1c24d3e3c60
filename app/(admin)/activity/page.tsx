import Link from "next/link";
import { Suspense } from "react";
import { ActivityTable } from "@/components/activity/activity-table";
import { ExportLinks } from "@/components/activity/export-links";
import { ACTION_LABEL } from "@/components/activity/format";
import { toActivityViews } from "@/components/activity/to-view";
import { Pager } from "@/components/data-table/pager";
import { withParams } from "@/components/data-table/url-state";
import { PartnersTableSkeleton } from "@/components/partners/partners-table-skeleton";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { getDb } from "@/db";
import { ACTIVITY_ACTIONS, listActivity } from "@/lib/activity/query";
import { assertCan } from "@/lib/auth/policy";
import { requireAdminPage, type AdminActor } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { activitySearchSchema, type ActivitySearch } from "@/lib/validations/activity";

export const metadata = { title: "Activity" };
const PATH = "/activity";

export default async function ActivityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdminPage();
  assertCan(admin, "activity:read");
  const raw = await searchParams;
  const search = activitySearchSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const field = "h-9 rounded-md border border-input bg-background px-2 text-sm";
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Activity</h1>
        <p className="text-sm text-muted-foreground">Every change to partner organisations, their users, admins and API clients, newest first.</p>
      </div>
      <form action={PATH} method="get" role="search" aria-label="Filter activity" className="flex flex-wrap items-end gap-2">
        <div className="grid gap-1.5">
          <Label htmlFor="activity-actor">Actor</Label>
          <Input id="activity-actor" name="actor" defaultValue={search.actor} placeholder="Email or ID" className="w-56" />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="activity-org">Organisation ID</Label>
          <Input id="activity-org" name="org" defaultValue={search.org} className="w-80 font-mono" />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="activity-action">Action</Label>
          <select id="activity-action" name="action" defaultValue={search.action} className={field}>
            <option value="">All</option>
            {ACTIVITY_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {ACTION_LABEL[a] ?? a}
              </option>
            ))}
          </select>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="activity-from">From (UTC)</Label>
          <input id="activity-from" name="from" type="date" defaultValue={search.from} className={field} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="activity-to">To (UTC)</Label>
          <input id="activity-to" name="to" type="date" defaultValue={search.to} className={field} />
        </div>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
        <Link href={PATH} className="px-2 py-2 text-sm underline underline-offset-4">
          Clear filters
        </Link>
      </form>
      <ExportLinks href={(format) => withParams(`${PATH}/export`, { actor: search.actor, org: search.org, action: search.action, from: search.from, to: search.to }, { format })} />
      <Suspense key={JSON.stringify(search)} fallback={<PartnersTableSkeleton />}>
        <ActivityResults admin={admin} search={search} />
      </Suspense>
    </div>
  );
}

async function ActivityResults({ admin, search }: { admin: AdminActor; search: ActivitySearch }) {
  const db = await getDb();
  let page;
  try {
    page = await listActivity(db, admin, search);
  } catch (err) {
    // A stale or edited page link: start from the newest entry instead of failing.
    if (err instanceof DomainError && err.code === "invalid") page = await listActivity(db, admin, { ...search, after: undefined, before: undefined });
    else throw err;
  }
  const state = { actor: search.actor, org: search.org, action: search.action, from: search.from, to: search.to, size: search.size === 50 ? undefined : search.size };
  return (
    <div>
      <ActivityTable rows={toActivityViews(page.rows)} caption="Activity" />
      <Pager
        summary={`${page.rows.length} entr${page.rows.length === 1 ? "y" : "ies"} shown`}
        prevHref={page.prevCursor ? withParams(PATH, state, { before: page.prevCursor }) : undefined}
        nextHref={page.nextCursor ? withParams(PATH, state, { after: page.nextCursor }) : undefined}
      />
    </div>
  );
}
