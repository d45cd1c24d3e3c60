import { partnerSignOutEverywhereAction } from "@/app/partner/actions/sign-out-everywhere";
import { MobileMenu } from "@/components/admin/mobile-menu";
import { SignOutButton } from "@/components/admin/sign-out-button";
import { SignOutEverywhereButton } from "@/components/admin/sign-out-everywhere-button";
import { HelpSupportMenu } from "@/components/branding/help-support-menu";
import { OrgLogo } from "@/components/partners/org-logo";
import { ThemeSelect } from "@/components/theme/theme-select";

/**
 * White label: the partner pages carry the organisation's logo (the dark one on dark pages), its
 * name and its support information ("Help and Support"), not ours. `org` is its brand (brandOf).
 * `nav` is the partner account's left-hand pane; the partner form has none.
 */
export function PartnerShell({
  org,
  userLabel,
  nav,
  children,
}: {
  org: { name: string; logo: string | null; darkLogo?: string | null; supportInfo?: string | null };
  userLabel: string;
  nav?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b px-4 py-3 md:px-6">
        <div className="flex min-w-0 items-center gap-3">
          {nav ? <MobileMenu title={org.name}>{nav}</MobileMenu> : null}
          <OrgLogo logo={org.logo} darkLogo={org.darkLogo} name={org.name} size={40} />
          <span className="truncate text-lg font-semibold" data-testid="partner-brand">
            {org.name}
          </span>
        </div>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <ThemeSelect />
          <HelpSupportMenu supportInfo={org.supportInfo ?? null} />
          <span className="text-muted-foreground">{userLabel}</span>
          <SignOutButton callbackUrl="/partner" />
          <SignOutEverywhereButton action={partnerSignOutEverywhereAction} callbackUrl="/partner" />
        </div>
      </header>
      <div className="flex flex-1">
        {nav ? <aside className="hidden w-56 shrink-0 border-r p-3 md:block">{nav}</aside> : null}
        <main id="main" className="mx-auto w-full min-w-0 max-w-5xl flex-1 space-y-8 p-4 md:p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
