"use client";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/forms/use-action";
import type { ServerAction } from "@/lib/action-result";

/**
 * "Sign out everywhere": ends every session of the signed-in user on the server (other browsers
 * and devices too), then signs this browser out.
 */
export function SignOutEverywhereButton({ action, callbackUrl = "/" }: { action: ServerAction<Record<string, never>, null>; callbackUrl?: string }) {
  const { run, pending } = useAction(action, { onSuccess: () => void signOut({ callbackUrl }) });
  return (
    <Button variant="ghost" size="sm" disabled={pending} onClick={() => run({})}>
      Sign out everywhere
    </Button>
  );
}
