import Link from "next/link";
import type { ReactNode } from "react";

/** The pages a partner's single sign-on lands on (complete, refused): a card with a way back to the sign-in. */
export function SsoCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-muted/40 p-4">
      <div className="w-full max-w-md space-y-4 rounded-lg border bg-background p-6 shadow-sm">
        <h1 className="text-xl font-semibold">{title}</h1>
        {children}
        <p className="text-sm">
          <Link className="underline" href="/partner">
            Back to sign-in
          </Link>
        </p>
      </div>
    </main>
  );
}
