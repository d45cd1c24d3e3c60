"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { deleteWebhookEndpointAction } from "@/app/(admin)/settings/webhooks/actions/delete-webhook-endpoint";
import { setWebhookEndpointEnabledAction } from "@/app/(admin)/settings/webhooks/actions/set-webhook-endpoint-enabled";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RotateSecretDialog } from "./rotate-secret-dialog";

/** Rotate the secret, disable or enable, delete: for Owners and Admins. */
export function EndpointControls({ id, url, enabled }: { id: string; url: string; enabled: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
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
          run={() => setWebhookEndpointEnabledAction({ id, enabled: false })}
          success="Webhook endpoint disabled."
        />
      ) : (
        <Button
          variant="outline"
          size="sm"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await setWebhookEndpointEnabledAction({ id, enabled: true });
              if (!result.ok) toast.error(result.message);
              else toast.success("Webhook endpoint enabled.");
            })
          }
        >
          Enable
        </Button>
      )}
      <ConfirmDialog
        trigger={
          <Button variant="destructive" size="sm">
            Delete
          </Button>
        }
        title="Delete endpoint?"
        description={`${url} gets no more events, and its delivery log is deleted. This cannot be undone.`}
        confirmLabel="Delete endpoint"
        run={() => deleteWebhookEndpointAction({ id })}
        success="Webhook endpoint deleted."
        onDone={() => router.replace("/settings/webhooks")}
      />
    </div>
  );
}
