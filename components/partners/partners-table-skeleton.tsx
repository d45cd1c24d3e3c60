import { Skeleton } from "@/components/ui/skeleton";

export function PartnersTableSkeleton() {
  return (
    <div role="status" aria-label="Loading partner organisations" className="space-y-2 rounded-md border p-3">
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} className="h-8 w-full" />
      ))}
    </div>
  );
}
