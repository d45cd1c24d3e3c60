"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Plus, TriangleAlert } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { CopyButton } from "@/components/partners/copy-button";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { createScimTokenSchema, type CreateScimTokenFormValues } from "@/lib/validations/scim";
import type { ScimTokenActions } from "./types";

type Created = { token: string; baseUrl: string };

function Secret({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="grid gap-1">
      <dt className="font-medium">{label}</dt>
      <dd className="flex items-center gap-1 break-all rounded-md border bg-muted px-2 py-1 font-mono text-xs" data-testid={testId}>
        {value}
        <CopyButton value={value} label={`Copy the ${label}`} />
      </dd>
    </div>
  );
}

/** Creates a token, then shows it with the base URL this one time; closing the dialog forgets it. */
export function CreateScimTokenDialog({ orgId, create }: { orgId: string; create: ScimTokenActions["create"] }) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const empty = { orgId, description: "" };
  const form = useForm<CreateScimTokenFormValues>({ resolver: zodResolver(createScimTokenSchema), defaultValues: empty });
  const { errors, isSubmitting } = form.formState;

  const { run } = useAction(create, {
    form,
    onSuccess: (data) => {
      setCreated(data);
      form.reset(empty);
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
          <Plus aria-hidden /> Create SCIM token
        </Button>
      </DialogTrigger>
      <DialogContent>
        {created ? (
          <>
            <DialogHeader>
              <DialogTitle>SCIM token created</DialogTitle>
              <DialogDescription>Copy the token now: it is shown only once and cannot be recovered.</DialogDescription>
            </DialogHeader>
            <dl className="grid gap-3 text-sm">
              <Secret label="SCIM base URL" value={created.baseUrl} testId="created-scim-base-url" />
              <Secret label="SCIM token" value={created.token} testId="created-scim-token" />
            </dl>
            <p className="flex items-start gap-2 text-sm text-warning-foreground">
              <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
              Enter both in the directory&apos;s provisioning settings (the token as a bearer token). If the token is lost, revoke it and create a new one.
            </p>
            <Button
              onClick={() => {
                toast.success("SCIM token created.");
                onOpenChange(false);
              }}
            >
              I have copied the token
            </Button>
          </>
        ) : (
          <>
            <DialogHeader>
              <DialogTitle>Create SCIM token</DialogTitle>
              <DialogDescription>A token for one directory to provision this organisation&apos;s users.</DialogDescription>
            </DialogHeader>
            <form onSubmit={onSubmit} noValidate className="grid gap-4">
              <FormField id="scim-token-description" label="Description" hint="Optional: which directory uses it, e.g. “Okta”." error={errors.description?.message}>
                {(aria) => <Input autoComplete="off" {...aria} {...form.register("description")} />}
              </FormField>
              <Button type="submit" disabled={isSubmitting}>
                {isSubmitting ? "Creating…" : "Create token"}
              </Button>
            </form>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
