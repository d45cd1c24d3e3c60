"use server";
import { signOutEverywhere } from "@/lib/auth/sign-out-everywhere";
import { partnerAction } from "@/lib/safe-action";
import { signOutEverywhereSchema } from "@/lib/validations/admin";

/** The partner shell's "Sign out everywhere"; allowed while the organisation is pending too. */
export const partnerSignOutEverywhereAction = partnerAction(
  signOutEverywhereSchema,
  async (_input, { db, actor }) => {
    await signOutEverywhere(db, actor);
    return null;
  },
  { whilePending: true },
);
