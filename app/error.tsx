"use client";

/** Shown when a page fails, e.g. while the database is unavailable. Never shows the error itself. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-lg space-y-3 p-10">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-muted-foreground">
        The page could not be loaded. If the service is being restarted or the database is briefly unavailable, it will
        recover by itself; try again in a moment.
      </p>
      <button type="button" onClick={reset} className="rounded-md border px-3 py-1.5 text-sm hover:bg-accent">
        Try again
      </button>
    </main>
  );
}
