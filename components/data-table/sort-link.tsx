import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";

export type SortState = { href: string; direction: "asc" | "desc" | null };

/** A sortable column header: a link to the same table sorted by it (the state lives in the URL). */
export function SortLink({ label, link }: { label: string; link: SortState }) {
  const Icon = link.direction === "asc" ? ArrowUp : link.direction === "desc" ? ArrowDown : ArrowUpDown;
  return (
    <Link href={link.href} className="inline-flex items-center gap-1 hover:text-foreground" scroll={false}>
      {label}
      <Icon className="size-3.5" aria-hidden />
      <span className="sr-only">
        {link.direction ? `, sorted ${link.direction === "asc" ? "ascending" : "descending"}; sort the other way` : ", sort"}
      </span>
    </Link>
  );
}

export const ariaSort = (d: "asc" | "desc" | null) => (d === "asc" ? "ascending" : d === "desc" ? "descending" : "none");
