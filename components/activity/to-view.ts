import { formatDate } from "@/lib/utils";
import type { ActivityPage } from "@/lib/activity/query";
import type { ActivityView } from "./activity-table";
import { actionLabel, actorKindLabel, changeLines, targetOf } from "./format";

/** Server side: an activity page's rows as the table shows them (plain, serialisable values). */
export function toActivityViews(rows: ActivityPage["rows"]): ActivityView[] {
  return rows.map((r) => ({
    id: r.id,
    at: formatDate(r.at),
    actor: r.actorLabel ?? r.actorId ?? "—",
    actorKind: actorKindLabel(r.actorKind),
    action: actionLabel(r.action),
    success: r.success,
    target: targetOf(r),
    change: changeLines(r.change),
  }));
}
