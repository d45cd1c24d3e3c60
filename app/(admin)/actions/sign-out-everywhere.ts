"use server";
import { signOutEverywhere } from "@/lib/auth/sign-out-everywhere";
import { adminAction } from "@/lib/safe-action";
import { signOutEverywhereSchema } from "@/lib/validations/admin";

/** The admin header's "Sign out everywhere": every session of the signed-in admin ends. */
export const adminSignOutEverywhereAction = adminAction(signOutEverywhereSchema, async (_input, { db, actor }) => {
  await signOutEverywhere(db, actor);
  return null;
});
