import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ActivityTable } from "@/components/activity/activity-table";
import { ACTION_LABEL } from "@/components/activity/format";
import { toActivityViews } from "@/components/activity/to-view";
import { Pager } from "@/components/data-table/pager";
import { withParams } from "@/components/data-table/url-state";
import { PartnersTableSkeleton } from "@/components/partners/partners-table-skeleton";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { getDb } from "@/db";
import { listActivity, PARTNER_ACTIVITY_ACTIONS } from "@/lib/activity/query";
import { assertCan } from "@/lib/auth/policy";
import type { PartnerActor } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { activitySearchSchema, type ActivitySearch } from "@/lib/validations/activity";
import { loadPartnerAccount } from "../load-account";

export const metadata: Metadata = { title: "Activity" };

/**
 * The partner account's Activity: every change to the partner account and to its organisations (moves away
 * included), newest first, keyset paged, filtered by kind of change, by who made it and by date.
 */
export default async function PartnerActivityPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const { actor, org, base } = await loadPartnerAccount(slug);
  assertCan(actor, "activity:read", org.id);
  const raw = await searchParams;
  const search = activitySearchSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const path = `${base}/activity`;
  const field = "h-9 rounded-md border border-input bg-background px-2 text-sm";
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold">Activity</h1>
        <p className="text-sm text-muted-foreground">Every change to your partner account and to its organisations, newest first.</p>
      </div>
      <form action={path} method="get" role="search" aria-label="Filter activity" className="flex flex-wrap items-end gap-2">
        <div className="grid gap-1.5">
          <Label htmlFor="activity-action">Action</Label>
          <select id="activity-action" name="action" defaultValue={search.action} className={field}>
            <option value="">All</option>
            {PARTNER_ACTIVITY_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {ACTION_LABEL[a] ?? a}
              </option>
            ))}
          </select>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="activity-actor">Actor</Label>
          <Input id="activity-actor" name="actor" defaultValue={search.actor} placeholder="Email" className="w-56" />
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
        <Link href={path} className="px-2 py-2 text-sm underline underline-offset-4">
          Clear filters
        </Link>
      </form>
      <Suspense key={JSON.stringify(search)} fallback={<PartnersTableSkeleton label="Loading activity" />}>
        <ActivityResults actor={actor} path={path} search={search} />
      </Suspense>
    </>
  );
}

async function ActivityResults({ actor, path, search }: { actor: PartnerActor; path: string; search: ActivitySearch }) {
  const db = await getDb();
  const query = { ...search, org: actor.partnerOrgId, actions: PARTNER_ACTIVITY_ACTIONS };
  const page = await listActivity(db, actor, query).catch((err) => {
    // A stale or edited page link: start from the newest entry instead of failing.
    if (err instanceof DomainError && err.code === "invalid") return listActivity(db, actor, { ...query, after: undefined, before: undefined });
    throw err;
  });
  // Targets link into the admin app, which partner users cannot open: show them as text.
  const rows = toActivityViews(page.rows).map((r) => ({ ...r, target: { label: r.target.label } }));
  const state = { actor: search.actor, action: search.action, from: search.from, to: search.to, size: search.size === 50 ? undefined : search.size };
  return (
    <div>
      <ActivityTable rows={rows} caption="Activity of your partner account" />
      <Pager
        summary={`${rows.length} entr${rows.length === 1 ? "y" : "ies"} shown`}
        prevHref={page.prevCursor ? withParams(path, state, { before: page.prevCursor }) : undefined}
        nextHref={page.nextCursor ? withParams(path, state, { after: page.nextCursor }) : undefined}
      />
    </div>
  );
}
