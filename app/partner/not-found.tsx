import Link from "next/link";

export default function PartnerNotFound() {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="max-w-sm space-y-2 text-center">
        <h1 className="text-xl font-semibold">Page not found</h1>
        <p className="text-sm text-muted-foreground">This page could not be found, or it is not part of your organisation.</p>
        <Link className="text-sm underline" href="/partner">
          Back to your partner pages
        </Link>
      </div>
    </main>
  );
}
