import { ORG_STATUS_LABEL, USER_STATUS_LABEL } from "@/components/partners/labels";
import { shortDay } from "./format";
import { TimeChart } from "./time-chart";
import type { Engagement } from "@/lib/reports/engagement";

const n = (v: number) => v.toLocaleString("en-GB");

/** Engagement figures the app records anyway: statuses, invitations, sign-ins. */
export function EngagementSection({ data, scope }: { data: Engagement; scope: "all" | "partner" }) {
  const signIns = data.signInsPerWeek.reduce((s, w) => s + w.count, 0);
  return (
    <section aria-labelledby="engagement-heading" className="space-y-4">
      <h2 id="engagement-heading" className="text-lg font-semibold">
        Engagement
      </h2>
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {[
          ["Invitations sent", n(data.invitationsSent), "in the period, resends included"],
          ["Invitations accepted", n(data.invitationsAccepted), "in the period"],
          ["Sign-ins", n(signIns), "by partner users in the period"],
          ["Members active", n(data.activeLast30Days), "signed in within the last 30 days"],
        ].map(([label, value, hint]) => (
          <div key={label} className="rounded-md border p-3">
            <dt className="text-sm text-muted-foreground">{label}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
            <dd className="text-xs text-muted-foreground">{hint}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-4 md:grid-cols-2">
        {scope === "all" ? (
          <StatusList title="Partners by status" items={data.partnersByStatus.map((s) => [ORG_STATUS_LABEL[s.status], s.count])} />
        ) : null}
        <StatusList title="Partner users by status" items={data.usersByStatus.map((s) => [USER_STATUS_LABEL[s.status], s.count])} />
      </div>
      <TimeChart
        id="sign-ins"
        kind="bar"
        title="Sign-ins per week"
        unit="sign-ins"
        colour={2}
        points={data.signInsPerWeek.map((w) => ({ label: `Week of ${shortDay(w.week)}`, value: w.count }))}
        summary={`${n(signIns)} sign-ins by partner users over ${data.signInsPerWeek.length} weeks (weeks start on Monday, UTC; the first and last may be partial).`}
      />
    </section>
  );
}

function StatusList({ title, items }: { title: string; items: [string, number][] }) {
  return (
    <div className="rounded-md border p-3">
      <h3 className="mb-2 font-medium">{title}</h3>
      {items.length === 0 ? (
        <p className="text-sm text-muted-foreground">None.</p>
      ) : (
        <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
          {items.map(([label, count]) => (
            <div key={label} className="contents">
              <dt>{label}</dt>
              <dd className="text-right tabular-nums">{n(count)}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
