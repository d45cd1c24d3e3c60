import type { Metadata } from "next";
import Link from "next/link";
import { SsoComplete } from "@/components/partner-account/sso-complete";

export const metadata: Metadata = { title: "Signing in" };

/** Where a partner's single sign-on lands after its provider answered (lib/sso/complete.ts). */
export default function SsoCompletePage() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-muted/40 p-4">
      <div className="w-full max-w-sm space-y-4 rounded-lg border bg-background p-6 shadow-sm">
        <h1 className="text-xl font-semibold">Single sign-on</h1>
        <SsoComplete returnTo="/partner" />
        <p className="text-sm">
          <Link className="underline" href="/partner">
            Back to sign-in
          </Link>
        </p>
      </div>
    </main>
  );
}
