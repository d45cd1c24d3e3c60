"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { PARTNER_SUSPENDED_MESSAGE, SUSPENDED_MESSAGE } from "@/components/auth/messages";
import { FormAlert } from "@/components/forms/form-alert";

/**
 * Exchanges the one-time ticket an SSO callback left in an HttpOnly cookie for a session (the
 * "partner-sso-ticket" sign-in), then opens the partner pages (or the page the sign-in started from).
 */
export function SsoComplete({ returnTo }: { returnTo: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void signIn("partner-sso-ticket", { redirect: false }).then((result) => {
      if (result && !result.error) return router.replace(returnTo);
      setError(
        result?.error === "Suspended"
          ? PARTNER_SUSPENDED_MESSAGE
          : result?.error === "AccountSuspended"
            ? SUSPENDED_MESSAGE
            : "This sign-in link has expired or was already used. Sign in again.",
      );
    });
  }, [router, returnTo]);
  return error ? (
    <FormAlert>{error}</FormAlert>
  ) : (
    <p role="status" className="text-sm text-muted-foreground">
      Signing you in…
    </p>
  );
}
