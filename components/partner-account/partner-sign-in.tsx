import "server-only";
import { PARTNER_SUSPENDED_MESSAGE, SUSPENDED_MESSAGE } from "@/components/auth/messages";
import { partnerSignInRouteAction } from "@/app/partner/actions/sign-in-route";
import { FormAlert } from "@/components/forms/form-alert";
import { LeavePageLink } from "@/components/forms/leave-page-link";
import { PARTNER_SSO_ID, partnerSso } from "@/lib/auth/providers/partner";
import { PartnerSignInSteps } from "./partner-sign-in-steps";
import { SsoButton } from "./sso-button";
import { SupportInfoText } from "@/components/branding/support-info-text";
import { OrgLogo } from "@/components/partners/org-logo";
import { ThemeSelect } from "@/components/theme/theme-select";
import type { Brand } from "@/lib/branding/branding";

const NOTICE = {
  "password-set": "Your password is set. Sign in with your email and your new password.",
} as const;
const ERROR = {
  sso: "Single sign-on could not sign you in: your verified email does not belong to a partner user. Ask your organisation's Admin to invite you.",
  suspended: SUSPENDED_MESSAGE,
  "partner-suspended": PARTNER_SUSPENDED_MESSAGE,
} as const;

/**
 * The partner sign-in form, shown at /partner to anyone who is not a signed-in partner user; with
 * a partner's `brand` (/partner?partner=<slug>) it carries the partner's logo, name and support information.
 * Email first: a partner's single sign-on takes over from there when the address is of its verified
 * domains; `passwordOnly` (/partner?sign_in=password) skips that, for a break-glass Admin.
 */
export function PartnerSignIn({
  notice,
  error,
  brand = null,
  passwordOnly = false,
}: {
  notice?: keyof typeof NOTICE;
  error?: keyof typeof ERROR;
  brand?: Brand | null;
  passwordOnly?: boolean;
}) {
  const sso = partnerSso();
  const passwordHref = `/partner?${new URLSearchParams({ ...(brand ? { partner: brand.slug } : {}), sign_in: "password" })}`;
  return (
    <main className="relative flex min-h-screen flex-col items-center justify-center gap-4 bg-muted/40 p-4">
      <ThemeSelect className="self-end sm:absolute sm:right-4 sm:top-4" />
      <div className="w-full max-w-sm rounded-lg border bg-background p-6 shadow-sm">
        {brand ? (
          <div className="mb-4 flex items-center gap-3" data-testid="sign-in-brand">
            <OrgLogo logo={brand.logo} darkLogo={brand.darkLogo} name={brand.name} size={48} />
            <span className="min-w-0 break-words text-lg font-semibold">{brand.name}</span>
          </div>
        ) : null}
        <h1 className="mb-1 text-xl font-semibold">Partner sign-in</h1>
        <p className="mb-6 text-sm text-muted-foreground">
          {brand ? <>Sign in to {brand.name}&apos;s partner pages.</> : <>Sign in to your organisation&apos;s partner pages.</>}
        </p>
        {notice ? (
          <FormAlert tone="notice" className="mb-4">
            {NOTICE[notice]}
          </FormAlert>
        ) : null}
        {error ? <FormAlert className="mb-4">{ERROR[error]}</FormAlert> : null}
        <PartnerSignInSteps route={partnerSignInRouteAction} passwordOnly={passwordOnly} passwordHref={passwordHref} />
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
        {brand?.supportInfo ? (
          <p className="mt-6 border-t pt-4 text-sm" data-testid="sign-in-support">
            <span className="text-muted-foreground">Help and Support: </span>
            <SupportInfoText value={brand.supportInfo} />
          </p>
        ) : null}
      </div>
    </main>
  );
}
