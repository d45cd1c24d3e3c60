import { LeavePageLink } from "@/components/forms/leave-page-link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

/** The "Forgot password?" page of portal admins (`/forgot-password`) and of partner users (`/partner/forgot-password`). */
export function ForgotPasswordPage({ kind }: { kind: "admin" | "partner" }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-muted/40 p-4">
      <div className="w-full max-w-sm rounded-lg border bg-background p-6 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold">Forgot password?</h1>
        <p className="mb-6 text-sm text-muted-foreground">
          Enter the email you sign in with. We will send you a link to choose a new password. An expired invitation works the
          same way.
        </p>
        <ForgotPasswordForm kind={kind} />
        <p className="mt-6 text-sm">
          <LeavePageLink className="underline" href={kind === "admin" ? "/" : "/partner"}>
            Back to sign-in
          </LeavePageLink>
        </p>
      </div>
    </main>
  );
}
