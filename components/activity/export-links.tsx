import { Download } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";

/** "Export CSV" and "Export JSON Lines" of what the filters select (every page, not only the one shown). */
export function ExportLinks({ href }: { href: (format: "csv" | "jsonl") => string }) {
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Export activity">
      <a href={href("csv")} className={buttonVariants({ variant: "outline", size: "sm" })} download>
        <Download aria-hidden /> Export CSV
      </a>
      <a href={href("jsonl")} className={buttonVariants({ variant: "outline", size: "sm" })} download>
        <Download aria-hidden /> Export JSON Lines
      </a>
    </div>
  );
}
