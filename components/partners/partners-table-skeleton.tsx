import { Skeleton } from "@/components/ui/skeleton";

export function PartnersTableSkeleton({ label = "Loading partner organisations" }: { label?: string }) {
  return (
    <div role="status" aria-label={label} className="space-y-2 rounded-md border p-3">
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} className="h-8 w-full" />
      ))}
    </div>
  );
}
