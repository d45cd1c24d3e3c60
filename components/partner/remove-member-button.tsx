"use client";
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { removeMemberAction } from "@/app/partner/actions/remove-member";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";

export function RemoveMemberButton({ orgId, userId, email }: { orgId: string; userId: string; email: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={`Remove member ${email}`} title={`Remove member ${email}`}>
          <Trash2 aria-hidden />
        </Button>
      </DialogTrigger>
      <DialogContent role="alertdialog">
        <DialogHeader>
          <DialogTitle>Remove member?</DialogTitle>
          <DialogDescription>{email} will lose access to your partner pages at once.</DialogDescription>
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
                const result = await removeMemberAction({ orgId, userId });
                if (!result.ok) {
                  toast.error(result.message);
                  return;
                }
                toast.success(`${email} removed.`);
                setOpen(false);
                router.refresh();
              })
            }
          >
            Remove
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
