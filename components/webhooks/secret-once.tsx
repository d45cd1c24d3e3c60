import { TriangleAlert } from "lucide-react";
import { CopyButton } from "@/components/partners/copy-button";

/** The signing secret, shown this once, with the advice that goes with it. */
export function SecretOnce({ secret }: { secret: string }) {
  return (
    <div className="grid gap-3 text-sm">
      <div className="grid gap-1">
        <p className="font-medium" id="signing-secret-label">
          Signing secret
        </p>
        <p
          aria-labelledby="signing-secret-label"
          className="flex items-center gap-1 break-all rounded-md border bg-muted px-2 py-1 font-mono text-xs"
          data-testid="signing-secret"
        >
          {secret}
          <CopyButton value={secret} label="Copy the signing secret" />
        </p>
      </div>
      <p className="flex items-start gap-2 text-warning-foreground">
        <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
        Copy it now: it is shown only once. Your receiver verifies each delivery&apos;s webhook-signature header with it (Standard
        Webhooks).
      </p>
    </div>
  );
}
