"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/safe-action";
import { setSsoSignInSettings } from "@/lib/sso/connections";
import { ssoSignInSettingsSchema } from "@/lib/validations/sso";

/** A portal admin turns a partner's single sign-on, Require SSO and just-in-time members on or off. */
export const saveSsoSignInSettingsAction = adminAction(ssoSignInSettingsSchema, async (input, { db, actor }) => {
  const saved = await setSsoSignInSettings(db, actor, input);
  revalidatePath(`/settings/profile/partners/${input.orgId}`);
  return { enabled: saved.enabled };
});
