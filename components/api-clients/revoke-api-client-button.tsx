"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { revokeApiClientAction } from "@/app/(admin)/settings/api-clients/actions/revoke-api-client";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";

export function RevokeApiClientButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" aria-label={`Revoke ${name}`}>
          Revoke
        </Button>
      </DialogTrigger>
      <DialogContent role="alertdialog">
        <DialogHeader>
          <DialogTitle>Revoke API client?</DialogTitle>
          <DialogDescription>
            {name} can no longer get access tokens, and the tokens it has stop working at once. This cannot be undone.
          </DialogDescription>
        </DialogHeader>
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="outline">Cancel</Button>
          </DialogClose>
          <Button
            variant="destructive"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await revokeApiClientAction({ id });
                if (!result.ok) {
                  toast.error(result.message);
                  return;
                }
                toast.success(`API client "${name}" revoked.`);
                setOpen(false);
                router.refresh();
              })
            }
          >
            Revoke client
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
