"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Plus, TriangleAlert } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { createApiClientAction } from "@/app/(admin)/settings/api-clients/actions/create-api-client";
import { CopyButton } from "@/components/partners/copy-button";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { createApiClientSchema, type CreateApiClientFormValues } from "@/lib/validations/api-client";

type Created = { id: string; name: string; secret: string };

/** Creates a client, then shows its secret this one time; closing the dialog forgets it. */
export function CreateApiClientDialog() {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const form = useForm<CreateApiClientFormValues>({ resolver: zodResolver(createApiClientSchema), defaultValues: { name: "" } });
  const { errors, isSubmitting } = form.formState;

  const { run } = useAction(createApiClientAction, {
    form,
    onSuccess: (data) => {
      setCreated(data);
      form.reset({ name: "" });
    },
  });
  const onSubmit = form.handleSubmit((values) => run(values));

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) setCreated(null);
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden /> Create API client
        </Button>
      </DialogTrigger>
      <DialogContent>
        {created ? (
          <>
            <DialogHeader>
              <DialogTitle>API client created</DialogTitle>
              <DialogDescription>Copy the secret now: it is shown only once and cannot be recovered.</DialogDescription>
            </DialogHeader>
            <dl className="grid gap-3 text-sm">
              <div className="grid gap-1">
                <dt className="font-medium">Client ID</dt>
                <dd className="flex items-center gap-1 break-all rounded-md border bg-muted px-2 py-1 font-mono text-xs" data-testid="created-client-id">
                  {created.id}
                  <CopyButton value={created.id} label="Copy the client ID" />
                </dd>
              </div>
              <div className="grid gap-1">
                <dt className="font-medium">Client secret</dt>
                <dd className="flex items-center gap-1 break-all rounded-md border bg-muted px-2 py-1 font-mono text-xs" data-testid="created-client-secret">
                  {created.secret}
                  <CopyButton value={created.secret} label="Copy the client secret" />
                </dd>
              </div>
            </dl>
            <p className="flex items-start gap-2 text-sm text-warning-foreground">
              <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
              Store the secret in your integration&apos;s secret store. If it is lost, revoke this client and create a new one.
            </p>
            <Button
              onClick={() => {
                toast.success(`API client "${created.name}" created.`);
                onOpenChange(false);
              }}
            >
              I have copied the secret
            </Button>
          </>
        ) : (
          <>
            <DialogHeader>
              <DialogTitle>Create API client</DialogTitle>
              <DialogDescription>A client ID and secret for one integration, such as a reseller&apos;s system or a billing script.</DialogDescription>
            </DialogHeader>
            <form onSubmit={onSubmit} noValidate className="grid gap-4">
              <FormField id="api-client-name" label="Name" required hint="What uses it, e.g. “Billing sync”." error={errors.name?.message}>
                {(aria) => <Input autoComplete="off" {...aria} {...form.register("name")} />}
              </FormField>
              <Button type="submit" disabled={isSubmitting}>
                {isSubmitting ? "Creating…" : "Create client"}
              </Button>
            </form>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
