import type { Metadata } from "next";
import { SsoCard } from "@/components/partner-account/sso-card";
import { SsoComplete } from "@/components/partner-account/sso-complete";

export const metadata: Metadata = { title: "Signing in" };

/** Where a partner's single sign-on lands after its provider answered (lib/sso/complete.ts). */
export default function SsoCompletePage() {
  return (
    <SsoCard title="Single sign-on">
      <SsoComplete returnTo="/partner" />
    </SsoCard>
  );
}
