import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg space-y-3 p-10">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-muted-foreground">This page could not be found. It may have been deleted, or the link may be wrong.</p>
      <Link href="/" className="underline">
        Go to the start page
      </Link>
    </main>
  );
}
