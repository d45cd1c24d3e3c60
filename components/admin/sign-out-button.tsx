"use client";
import { LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

export function SignOutButton({ callbackUrl = "/" }: { callbackUrl?: string }) {
  return (
    <Button variant="ghost" size="sm" onClick={() => signOut({ callbackUrl })}>
      <LogOut aria-hidden /> Sign out
    </Button>
  );
}
