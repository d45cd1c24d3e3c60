import type { Metadata } from "next";
import Link from "next/link";
import { FormAlert } from "@/components/forms/form-alert";
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
    <main className="flex min-h-screen flex-col items-center justify-center bg-muted/40 p-4">
      <div className="w-full max-w-md space-y-4 rounded-lg border bg-background p-6 shadow-sm">
        <h1 className="text-xl font-semibold">{refusal.title}</h1>
        <FormAlert>{refusal.body}</FormAlert>
        <p className="text-sm">
          <Link className="underline" href="/partner">
            Back to sign-in
          </Link>
        </p>
      </div>
    </main>
  );
}
