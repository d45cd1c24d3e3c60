import { apiRoute, ok, readPageQuery } from "@/lib/api/handler";
import { readQuery } from "@/lib/api/query";
import { listEvents } from "@/lib/events/query";
import { eventsApiQuerySchema } from "@/lib/validations/activity";

export const dynamic = "force-dynamic";

/** listEvents: every event in order; `queryMore` pages on, `after` resumes after an event id. */
export const GET = apiRoute(async ({ request, db, actor }) => {
  const { after } = readQuery(request, eventsApiQuerySchema, ["after"]);
  const page = await listEvents(db, actor, { ...readPageQuery(request), after });
  return ok({ items: page.items, ...(page.queryMore ? { queryMore: page.queryMore } : {}) });
});
