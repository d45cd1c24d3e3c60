import type { Metadata } from "next";
import { cookies } from "next/headers";
import { SsoCard } from "@/components/partner-account/sso-card";
import { SsoComplete } from "@/components/partner-account/sso-complete";
import { getDb } from "@/db";
import { SSO_TICKET_COOKIE, ssoTicketReturnTo } from "@/lib/sso/complete";

export const metadata: Metadata = { title: "Signing in" };

/**
 * Where a partner's single sign-on lands after its provider answered (lib/sso/complete.ts): the
 * ticket becomes a session, then the page the sign-in started from opens (else the partner pages).
 */
export default async function SsoCompletePage() {
  const token = (await cookies()).get(SSO_TICKET_COOKIE)?.value;
  const returnTo = token ? await ssoTicketReturnTo(await getDb(), token) : null;
  return (
    <SsoCard title="Single sign-on">
      <SsoComplete returnTo={returnTo ?? "/partner"} />
    </SsoCard>
  );
}
