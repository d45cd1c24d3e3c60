import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils";

/** Keyset paging: previous and next links carry cursors, never page numbers. */
export function Pager({ prevHref, nextHref, summary }: { prevHref?: string; nextHref?: string; summary: string }) {
  const link = (href: string | undefined, label: string, icon: React.ReactNode, after = false) =>
    href ? (
      <Link href={href} className={cn(buttonVariants({ variant: "outline", size: "sm" }))} rel={after ? "next" : "prev"}>
        {after ? null : icon}
        {label}
        {after ? icon : null}
      </Link>
    ) : (
      <span aria-disabled="true" className={cn(buttonVariants({ variant: "outline", size: "sm" }), "pointer-events-none opacity-50")}>
        {after ? null : icon}
        {label}
        {after ? icon : null}
      </span>
    );
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 py-3 text-sm">
      <p className="text-muted-foreground" aria-live="polite">
        {summary}
      </p>
      <div className="flex gap-2">
        {link(prevHref, "Previous page", <ChevronLeft aria-hidden />)}
        {link(nextHref, "Next page", <ChevronRight aria-hidden />, true)}
      </div>
    </nav>
  );
}
