import { Skeleton } from "@/components/ui/skeleton";

/**
 * What a sign-in or password page shows from the moment its link is clicked until the page has
 * arrived: the page before it goes at once, so nothing typed lands in a form that is going away.
 */
export function CardSkeleton({ label }: { label: string }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-muted/40 p-4">
      <div role="status" aria-label={label} className="grid w-full max-w-sm gap-4 rounded-lg border bg-background p-6 shadow-sm">
        <Skeleton className="h-6 w-1/2" />
        <Skeleton className="h-4 w-full" />
        <Skeleton className="h-9 w-full" />
        <Skeleton className="h-9 w-full" />
      </div>
    </main>
  );
}
