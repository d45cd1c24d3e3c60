"use client";
import { useRouter } from "next/navigation";
import { deleteWebhookEndpointAction } from "@/app/(admin)/settings/webhooks/actions/delete-webhook-endpoint";
import { setWebhookEndpointEnabledAction } from "@/app/(admin)/settings/webhooks/actions/set-webhook-endpoint-enabled";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { RotateSecretDialog } from "./rotate-secret-dialog";

/** Rotate the secret, disable or enable, delete: for Owners and Admins. */
export function EndpointControls({ id, url, enabled }: { id: string; url: string; enabled: boolean }) {
  const router = useRouter();
  const enable = useAction(setWebhookEndpointEnabledAction, { success: "Webhook endpoint enabled." });
  const remove = useAction(deleteWebhookEndpointAction, { success: "Webhook endpoint deleted.", onSuccess: () => router.replace("/settings/webhooks") });
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Endpoint actions">
      <RotateSecretDialog id={id} />
      {enabled ? (
        <ConfirmDialog
          trigger={
            <Button variant="outline" size="sm">
              Disable
            </Button>
          }
          title="Disable endpoint?"
          description="It gets no new events while disabled; deliveries already waiting are kept and resume when it is enabled again."
          confirmLabel="Disable endpoint"
          action={setWebhookEndpointEnabledAction}
          input={{ id, enabled: false }}
          success="Webhook endpoint disabled."
        />
      ) : (
        <Button variant="outline" size="sm" disabled={enable.pending} onClick={() => enable.run({ id, enabled: true })}>
          Enable
        </Button>
      )}
      <Dialog>
        <DialogTrigger asChild>
          <Button variant="destructive" size="sm">
            Delete
          </Button>
        </DialogTrigger>
        <DialogContent role="alertdialog">
          <DialogHeader>
            <DialogTitle>Delete endpoint?</DialogTitle>
            <DialogDescription>{url} gets no more events, and its delivery log is deleted. This cannot be undone.</DialogDescription>
          </DialogHeader>
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="outline">Cancel</Button>
            </DialogClose>
            <Button variant="destructive" disabled={remove.pending} onClick={() => remove.run({ id })}>
              Delete endpoint
            </Button>
          </div>
        </DialogContent>
      </Dialog>
    </div>
  );
}
