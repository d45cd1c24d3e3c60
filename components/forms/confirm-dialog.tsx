"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import type { ServerAction } from "@/lib/action-result";
import { useAction } from "./use-action";

/**
 * A trigger that opens an alert dialog; confirming runs a server action with `input` and toasts
 * its outcome. The one confirm step of every destructive control.
 */
export function ConfirmDialog<I, T>({
  trigger,
  title,
  description,
  confirmLabel,
  action,
  input,
  success,
}: {
  trigger: React.ReactNode;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  action: ServerAction<I, T>;
  input: I;
  success: string;
}) {
  const [open, setOpen] = useState(false);
  const { run, pending } = useAction(action, { success, onSuccess: () => setOpen(false) });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent role="alertdialog">
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="outline">Cancel</Button>
          </DialogClose>
          <Button variant="destructive" disabled={pending} onClick={() => run(input)}>
            {confirmLabel}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
