import type * as React from "react";
import { cn } from "@/lib/utils";

export function Table({ className, ...props }: React.ComponentProps<"table">) {
  return (
    <div className="relative w-full overflow-x-auto rounded-md border">
      <table className={cn("w-full caption-bottom text-sm", className)} {...props} />
    </div>
  );
}
export const TableHeader = (p: React.ComponentProps<"thead">) => <thead {...p} className={cn("bg-muted/50 [&_tr]:border-b", p.className)} />;
export const TableBody = (p: React.ComponentProps<"tbody">) => <tbody {...p} className={cn("[&_tr:last-child]:border-0", p.className)} />;
export const TableRow = (p: React.ComponentProps<"tr">) => <tr {...p} className={cn("border-b transition-colors hover:bg-muted/40", p.className)} />;
export const TableHead = (p: React.ComponentProps<"th">) => (
  <th {...p} className={cn("h-10 px-3 text-left align-middle font-medium text-muted-foreground whitespace-nowrap", p.className)} />
);
export const TableCell = (p: React.ComponentProps<"td">) => <td {...p} className={cn("px-3 py-2 align-middle", p.className)} />;
export const TableCaption = (p: React.ComponentProps<"caption">) => (
  <caption {...p} className={cn("mt-4 text-sm text-muted-foreground", p.className)} />
);
