"use server";
import { revalidatePath } from "next/cache";
import { partnerAction } from "@/lib/safe-action";
import { setSsoSignInSettings } from "@/lib/sso/connections";
import { ssoSignInSettingsSchema } from "@/lib/validations/sso";

/** A partner Admin turns single sign-on, Require SSO and just-in-time members on or off. */
export const savePartnerSsoSignInSettingsAction = partnerAction(ssoSignInSettingsSchema, async (input, { db, actor }) => {
  const saved = await setSsoSignInSettings(db, actor, input);
  revalidatePath("/partner", "layout");
  return { enabled: saved.enabled };
});
