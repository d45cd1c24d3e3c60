import { MobileMenu } from "@/components/admin/mobile-menu";
import { SideNav, type NavItem } from "@/components/admin/side-nav";
import { SignOutButton } from "@/components/admin/sign-out-button";
import { SignOutEverywhereButton } from "@/components/admin/sign-out-everywhere-button";
import { adminSignOutEverywhereAction } from "./actions/sign-out-everywhere";
import { ThemeSelect } from "@/components/theme/theme-select";
import { requireAdminPage } from "@/lib/auth/session";

const NAV: NavItem[] = [
  {
    href: "/settings",
    label: "Settings",
    children: [
      { href: "/settings/profile", label: "Profile", children: [{ href: "/settings/profile/partners", label: "Partners" }] },
      { href: "/settings/api-clients", label: "API clients" },
      { href: "/settings/webhooks", label: "Webhooks" },
      { href: "/settings/admins", label: "Admins" },
      { href: "/settings/usage-metrics", label: "Usage metrics" },
    ],
  },
  { href: "/organisations", label: "Organisations" },
  { href: "/reports", label: "Reports" },
  { href: "/activity", label: "Activity" },
  { href: "/api-reference", label: "API reference" },
];

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const admin = await requireAdminPage();
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex min-h-14 flex-wrap items-center justify-between gap-x-3 gap-y-2 border-b px-4 py-2">
        <div className="flex items-center gap-3">
          <MobileMenu title="Partner Management">
            <SideNav items={NAV} />
          </MobileMenu>
          <span className="font-semibold">Partner Management</span>
        </div>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <ThemeSelect />
          <span className="text-muted-foreground">
            {admin.label} <span className="sr-only">role</span>({admin.role})
          </span>
          <SignOutButton />
          <SignOutEverywhereButton action={adminSignOutEverywhereAction} />
        </div>
      </header>
      <div className="flex flex-1">
        <aside className="hidden w-56 shrink-0 border-r p-3 md:block">
          <SideNav items={NAV} />
        </aside>
        <main id="main" className="min-w-0 flex-1 p-4 md:p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
