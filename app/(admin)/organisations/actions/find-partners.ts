"use server";
import { findPartnerOptions } from "@/lib/organisations";
import { adminAction } from "@/lib/safe-action";
import { findPartnersSchema } from "@/lib/validations/organisation";

/** The partner finder of the move controls: a short list of partners matching a name fragment or ID. */
export const findPartnersAction = adminAction(findPartnersSchema, async ({ q }, { db, actor }) => findPartnerOptions(db, actor, q));
