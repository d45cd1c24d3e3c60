import type { Metadata } from "next";
import { connection } from "next/server";
import { LeavePageLink } from "@/components/forms/leave-page-link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };
// Rendered per request: a prerendered page has no nonce, and the CSP (proxy.ts) would block its scripts.
export const dynamic = "force-dynamic";

export default async function ForgotPasswordPage() {
  // Rendered per request, so its scripts carry the request's CSP nonce (see proxy.ts).
  await connection();
  return (
    <main className="flex min-h-screen items-center justify-center bg-muted/40 p-4">
      <div className="w-full max-w-sm rounded-lg border bg-background p-6 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold">Forgot password?</h1>
        <p className="mb-6 text-sm text-muted-foreground">
          Enter the email you sign in with. We will send you a link to choose a new password. An expired invitation works the
          same way.
        </p>
        <ForgotPasswordForm />
        <p className="mt-6 text-sm">
          <LeavePageLink className="underline" href="/partner">
            Back to sign-in
          </LeavePageLink>
        </p>
      </div>
    </main>
  );
}
