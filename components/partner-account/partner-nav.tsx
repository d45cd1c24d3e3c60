"use client";
import { Activity, BarChart3, Building2, Settings, Users } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

/**
 * The partner account's left-hand pane. An organisation's own page counts as being
 * under "Organisations", the landing page.
 */
export function PartnerNav({ slug }: { slug: string }) {
  const pathname = usePathname();
  const base = `/partner/${slug}`;
  const items = [
    { href: base, label: "Organisations", icon: Building2, under: [`${base}/organisations/`] },
    { href: `${base}/members`, label: "Members", icon: Users, under: [] },
    { href: `${base}/reports`, label: "Reports", icon: BarChart3, under: [] },
    { href: `${base}/activity`, label: "Activity", icon: Activity, under: [] },
    { href: `${base}/settings`, label: "Settings", icon: Settings, under: [] },
  ];
  return (
    <nav aria-label="Partner account">
      <ul className="grid gap-0.5">
        {items.map(({ href, label, icon: Icon, under }) => {
          const current = pathname === href;
          const inside = under.some((prefix) => pathname.startsWith(prefix));
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={current ? "page" : inside ? "location" : undefined}
                className={cn(
                  "flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-accent",
                  current || inside ? "bg-accent font-semibold" : "text-muted-foreground",
                )}
              >
                <Icon className="size-4" aria-hidden />
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
