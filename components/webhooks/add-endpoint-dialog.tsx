"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Plus } from "lucide-react";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { createWebhookEndpointAction } from "@/app/(admin)/settings/webhooks/actions/create-webhook-endpoint";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { webhookEndpointSchema, type WebhookEndpointFormValues } from "@/lib/validations/webhook";
import { EventTypePicker } from "./event-type-picker";
import { SecretOnce } from "./secret-once";

const empty: WebhookEndpointFormValues = { url: "", allTypes: true, eventTypes: [] };

/** "Add endpoint": the URL and the event types (all by default); then the signing secret, once. */
export function AddEndpointDialog() {
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const form = useForm<WebhookEndpointFormValues>({ resolver: zodResolver(webhookEndpointSchema), defaultValues: empty });
  const { errors, isSubmitting } = form.formState;
  // The action revalidates the page: the new endpoint appears without a refresh from here.
  const { run } = useAction(createWebhookEndpointAction, {
    form,
    onSuccess: (data) => {
      setSecret(data.secret);
      form.reset(empty);
    },
  });
  const onSubmit = form.handleSubmit((values) => run(values));
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) setSecret(null);
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden /> Add endpoint
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto">
        {secret ? (
          <>
            <DialogHeader>
              <DialogTitle>Endpoint added</DialogTitle>
              <DialogDescription>Events are sent to it from now on.</DialogDescription>
            </DialogHeader>
            <SecretOnce secret={secret} />
            <Button
              onClick={() => {
                toast.success("Webhook endpoint added.");
                onOpenChange(false);
              }}
            >
              I have copied the secret
            </Button>
          </>
        ) : (
          <>
            <DialogHeader>
              <DialogTitle>Add endpoint</DialogTitle>
              <DialogDescription>Where to send events, signed per Standard Webhooks.</DialogDescription>
            </DialogHeader>
            <form onSubmit={onSubmit} noValidate className="grid gap-4">
              <FormField id="webhook-url" label="Endpoint URL" required hint="An https URL that answers 2xx within 10 seconds." error={errors.url?.message}>
                {(aria) => <Input type="url" inputMode="url" autoComplete="off" placeholder="https://example.com/webhooks" {...aria} {...form.register("url")} />}
              </FormField>
              <Controller
                control={form.control}
                name="allTypes"
                render={({ field: all }) => (
                  <Controller
                    control={form.control}
                    name="eventTypes"
                    render={({ field: types }) => (
                      <EventTypePicker
                        all={all.value}
                        onAllChange={all.onChange}
                        selected={types.value}
                        onSelectedChange={types.onChange}
                        error={errors.eventTypes?.message ?? errors.eventTypes?.root?.message}
                      />
                    )}
                  />
                )}
              />
              <Button type="submit" disabled={isSubmitting}>
                {isSubmitting ? "Saving…" : "Save"}
              </Button>
            </form>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
