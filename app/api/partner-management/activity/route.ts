import { listActivityByKey } from "@/lib/activity/export";
import { apiRoute, ok, readPageQuery } from "@/lib/api/handler";
import { readQuery } from "@/lib/api/query";
import { activityApiQuerySchema } from "@/lib/validations/activity";

export const dynamic = "force-dynamic";

/** listActivity: the audit trail, oldest first, with the Activity page's filters, for a SIEM to pull. */
export const GET = apiRoute(async ({ request, db, actor }) => {
  const filters = readQuery(request, activityApiQuerySchema, ["actor", "org", "action", "from", "to"]);
  const page = await listActivityByKey(db, actor, { ...filters, ...readPageQuery(request) });
  return ok({ items: page.items, ...(page.queryMore ? { queryMore: page.queryMore } : {}) });
});
