import "server-only";
import { SignInForm } from "@/components/auth/sign-in-form";
import { FormAlert } from "@/components/forms/form-alert";
import { LeavePageLink } from "@/components/forms/leave-page-link";
import { PARTNER_SSO_ID, partnerSso } from "@/lib/auth/providers/partner";
import { SsoButton } from "./sso-button";

const NOTICE = {
  "password-set": "Your password is set. Sign in with your email and your new password.",
} as const;
const ERROR = {
  sso: "Single sign-on could not sign you in: your verified email does not belong to a partner user. Ask your organisation's Admin to invite you.",
} as const;

/** The partner sign-in form, shown at /partner to anyone who is not a signed-in partner user. */
export function PartnerSignIn({ notice, error }: { notice?: keyof typeof NOTICE; error?: keyof typeof ERROR }) {
  const sso = partnerSso();
  return (
    <main className="flex min-h-screen items-center justify-center bg-muted/40 p-4">
      <div className="w-full max-w-sm rounded-lg border bg-background p-6 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold">Partner sign-in</h1>
        <p className="mb-6 text-sm text-muted-foreground">Sign in to your organisation&apos;s partner pages.</p>
        {notice ? (
          <FormAlert tone="notice" className="mb-4">
            {NOTICE[notice]}
          </FormAlert>
        ) : null}
        {error ? <FormAlert className="mb-4">{ERROR[error]}</FormAlert> : null}
        <SignInForm provider="partner" redirectTo="/partner" />
        <p className="mt-3 text-sm">
          <LeavePageLink className="underline" href="/partner/forgot-password">
            Forgot password?
          </LeavePageLink>
        </p>
        {sso ? (
          <div className="mt-6 border-t pt-6">
            <SsoButton providerId={PARTNER_SSO_ID} name={sso.name} />
          </div>
        ) : null}
      </div>
    </main>
  );
}
