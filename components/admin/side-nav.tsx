"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

export interface NavItem {
  href: string;
  label: string;
  children?: NavItem[];
}

/** The admin app's navigation tree: Settings > Profile > Partners, and the rest beside it. */
export function SideNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const render = (list: NavItem[], depth: number) => (
    <ul className={cn("grid gap-0.5", depth > 0 && "ml-3 border-l pl-2")}>
      {list.map((item) => {
        const current = pathname === item.href;
        const inside = pathname.startsWith(item.href + "/");
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={current ? "page" : undefined}
              className={cn(
                "block rounded-md px-2 py-1.5 text-sm hover:bg-accent",
                current ? "bg-accent font-semibold" : inside ? "font-medium" : "text-muted-foreground",
              )}
            >
              {item.label}
            </Link>
            {item.children ? render(item.children, depth + 1) : null}
          </li>
        );
      })}
    </ul>
  );
  return <nav aria-label="Main">{render(items, 0)}</nav>;
}
