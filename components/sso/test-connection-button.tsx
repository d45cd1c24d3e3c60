"use client";
import { PlugZap } from "lucide-react";
import { Button } from "@/components/ui/button";

/** "Test connection": one sign-in at the provider, whose answer comes back to the page as the Last test. */
export function TestConnectionButton({ href }: { href: string }) {
  return (
    <Button type="button" variant="outline" size="sm" onClick={() => window.location.assign(href)}>
      <PlugZap aria-hidden /> Test connection
    </Button>
  );
}
