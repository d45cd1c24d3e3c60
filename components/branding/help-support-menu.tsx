"use client";
import { CircleHelp } from "lucide-react";
import { Popover } from "radix-ui";
import { Button } from "@/components/ui/button";
import { SupportInfoText } from "./support-info-text";

/** "Help and Support", upper right on every partner page: the partner's support information. */
export function HelpSupportMenu({ supportInfo }: { supportInfo: string | null }) {
  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <Button variant="ghost" size="icon" aria-label="Help and Support">
          <CircleHelp aria-hidden />
        </Button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={6}
          aria-label="Help and Support"
          className="z-50 w-72 space-y-2 rounded-md border bg-background p-4 text-sm shadow-md"
        >
          <p className="font-semibold">Help and Support</p>
          <p data-testid="support-info">
            {supportInfo ? <SupportInfoText value={supportInfo} /> : "Contact Support: ask your partner account's Admins for help."}
          </p>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
