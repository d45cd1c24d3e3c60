import "server-only";
import Link from "next/link";
import { getDb } from "@/db";
import { describeLink } from "@/lib/password-links/links";
import type { TokenState } from "@/lib/password-links/tokens";
import { SetPasswordForm } from "./set-password-form";

const TITLE = { invite: "Set your password", reset: "Choose a new password" } as const;

/**
 * The page an invitation or reset link opens: the set-password form while the link is usable,
 * otherwise a plain explanation and the way forward (never an error page).
 */
export async function PasswordLinkPage({ token, purpose }: { token: string; purpose: "invite" | "reset" }) {
  const link = await describeLink(await getDb(), token, purpose);
  return (
    <main className="flex min-h-screen items-center justify-center bg-muted/40 p-4">
      <div className="w-full max-w-sm rounded-lg border bg-background p-6 shadow-sm">
        {link.state === "valid" && link.email ? (
          <>
            <h1 className="mb-1 text-xl font-semibold">{TITLE[purpose]}</h1>
            <p className="mb-6 text-sm text-muted-foreground">
              For <span className="font-medium text-foreground">{link.email}</span>. This link works once.
            </p>
            <SetPasswordForm token={token} purpose={purpose} email={link.email} />
          </>
        ) : (
          <LinkProblem state={link.state} kind={link.kind} purpose={purpose} />
        )}
      </div>
    </main>
  );
}

const PROBLEM: Record<Exclude<TokenState, "valid">, { title: string; text: string }> = {
  expired: { title: "This link has expired", text: "Links to set a password work for a limited time." },
  used: { title: "This link has already been used", text: "Each link works once. If you set your password with it, sign in." },
  revoked: { title: "This link is no longer valid", text: "A newer link was sent, or this one was withdrawn. Use the newest mail you received." },
  unknown: { title: "This link is not valid", text: "Check that you opened the whole link from the mail." },
};

function LinkProblem({ state, kind, purpose }: { state: TokenState; kind?: "admin" | "partner_user"; purpose: "invite" | "reset" }) {
  const problem = PROBLEM[state === "valid" ? "unknown" : state];
  const signIn = kind === "admin" ? "/" : "/partner";
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">{problem.title}</h1>
      <p className="mb-4 text-sm text-muted-foreground">{problem.text}</p>
      <ul className="grid gap-2 text-sm">
        {kind !== "admin" ? (
          <li>
            <Link className="underline" href="/partner/forgot-password">
              {purpose === "invite" ? "Get a new link to set your password" : "Get a new password reset link"}
            </Link>
          </li>
        ) : (
          <li>Ask a portal admin of your organisation to send you a new link.</li>
        )}
        <li>
          <Link className="underline" href={signIn}>
            Go to sign-in
          </Link>
        </li>
      </ul>
    </>
  );
}
