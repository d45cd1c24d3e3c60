"use client";
import { useState } from "react";
import { rotateWebhookSecretAction } from "@/app/(admin)/settings/webhooks/actions/rotate-webhook-secret";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { SecretOnce } from "./secret-once";

/** Rotates the signing secret and shows the new one once; the old one keeps signing for 24 hours. */
export function RotateSecretDialog({ id }: { id: string }) {
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const { run, pending } = useAction(rotateWebhookSecretAction, { onSuccess: (data) => setSecret(data.secret) });
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) setSecret(null);
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          Rotate secret
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{secret ? "Secret rotated" : "Rotate signing secret?"}</DialogTitle>
          <DialogDescription>
            {secret
              ? "Deliveries are signed with the new secret and, for the next 24 hours, also with the old one."
              : "A new secret is made. For 24 hours deliveries carry signatures of both, so your receiver can switch without missing one."}
          </DialogDescription>
        </DialogHeader>
        {secret ? (
          <>
            <SecretOnce secret={secret} />
            <Button onClick={() => onOpenChange(false)}>I have copied the secret</Button>
          </>
        ) : (
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="outline">Cancel</Button>
            </DialogClose>
            <Button
              disabled={pending}
              onClick={() => run({ id })}
            >
              Rotate secret
            </Button>
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}
