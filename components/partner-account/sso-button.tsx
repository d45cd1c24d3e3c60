"use client";
import { KeyRound } from "lucide-react";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";

export function SsoButton({ providerId, name }: { providerId: string; name: string }) {
  return (
    <Button type="button" variant="outline" className="w-full" onClick={() => signIn(providerId, { callbackUrl: "/partner" })}>
      <KeyRound aria-hidden /> Sign in with {name}
    </Button>
  );
}
