import type { Db } from "@/db";
import { apiRoute, ok, readJsonBody } from "@/lib/api/handler";
import { organisationPathId, toApiOrganisation } from "@/lib/api/organisations";
import { deleteOrganisation, getOrganisation, moveOrganisation, updateOrganisation } from "@/lib/organisations";
import { updateOrganisationBodySchema } from "@/lib/validations/api-organisation";

export const dynamic = "force-dynamic";

type Params = { organisationId: string };

export const GET = apiRoute<Params>(async ({ db, actor, params }) => {
  return ok(toApiOrganisation(await getOrganisation(db, actor, organisationPathId(params.organisationId))));
});

/** Partial update; `partnerOrganisationId` moves it (null: "No partner"). Edit and move commit together or not at all. */
export const PUT = apiRoute<Params>(async ({ request, db, actor, params }) => {
  const id = organisationPathId(params.organisationId);
  const { partnerOrganisationId, ...patch } = await readJsonBody(request, updateOrganisationBodySchema);
  const edits = Object.values(patch).some((v) => v !== undefined);
  const row = await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    let current = edits ? await updateOrganisation(t, actor, id, patch) : await getOrganisation(t, actor, id);
    if (partnerOrganisationId !== undefined) current = await moveOrganisation(t, actor, id, partnerOrganisationId);
    return current;
  });
  return ok(toApiOrganisation(row));
});

export const DELETE = apiRoute<Params>(async ({ db, actor, params }) => {
  await deleteOrganisation(db, actor, organisationPathId(params.organisationId));
  return ok({ success: true });
});
