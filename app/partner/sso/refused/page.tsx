import type { Metadata } from "next";
import { FormAlert } from "@/components/forms/form-alert";
import { SsoCard } from "@/components/partner-account/sso-card";
import { SSO_REFUSALS, type SsoRefusal } from "@/lib/sso/complete";

export const metadata: Metadata = { title: "Single sign-on refused" };

/** A partner's single sign-on answered, but the person may not sign in here: why, in words. */
export default async function SsoRefusedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { reason } = await searchParams;
  const refusal =
    typeof reason === "string" && Object.hasOwn(SSO_REFUSALS, reason)
      ? SSO_REFUSALS[reason as SsoRefusal]
      : { title: "Single sign-on could not sign you in", body: "Try again, or sign in with your email and password." };
  return (
    <SsoCard title={refusal.title}>
      <FormAlert>{refusal.body}</FormAlert>
    </SsoCard>
  );
}
