"use client";
import { Trash2, Upload } from "lucide-react";
import { useId, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { OrgLogo } from "@/components/partners/org-logo";
import { Button, buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { LOGO_ACCEPT, LOGO_MAX_BYTES, LOGO_SECTION, LOGO_TOO_BIG_MESSAGE, type LogoVariant } from "@/lib/validations/branding";
import type { BrandingActions } from "./types";

/** The file's bytes as base64, the form the action takes them in. */
const base64Of = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/**
 * "Partner Logo" or "Partner Logo (Dark Mode)": "Upload Logo" picks an image; once there is one,
 * "Change" and "Delete". The server judges and re-encodes the file; a refusal shows beside the field.
 */
export function LogoUpload({ orgId, variant, name, current, actions }: { orgId: string; variant: LogoVariant; name: string; current: string | null; actions: BrandingActions }) {
  const id = useId();
  const title = LOGO_SECTION[variant];
  const [error, setError] = useState<string | null>(null);
  const upload = useAction(actions.upload, { success: `${title} uploaded.`, onSuccess: () => setError(null), onError: setError });
  const remove = useAction(actions.remove, { success: `${title} deleted.`, onError: setError });
  const busy = upload.pending || remove.pending;

  const onFile = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    if (file.size > LOGO_MAX_BYTES) return setError(LOGO_TOO_BIG_MESSAGE);
    setError(null);
    await upload.run({ orgId, variant, file: await base64Of(file) });
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-2 rounded-md border p-4" data-testid={`logo-${variant}`}>
      <h3 id={`${id}-heading`} className="font-semibold">
        {title}
      </h3>
      <div className={cn("flex h-20 w-40 items-center justify-center rounded border", variant === "dark" ? "bg-neutral-900" : "bg-white")}>
        {current ? <OrgLogo logo={current} name={name} size={64} /> : <span className={cn("text-xs", variant === "dark" ? "text-neutral-300" : "text-neutral-600")}>No logo uploaded</span>}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={`${id}-file`}
          type="file"
          accept={LOGO_ACCEPT}
          className="peer sr-only"
          onChange={onFile}
          disabled={busy}
          aria-invalid={Boolean(error)}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        />
        <label
          htmlFor={`${id}-file`}
          className={cn(buttonVariants({ variant: "outline", size: "sm" }), "cursor-pointer peer-focus-visible:ring-2 peer-focus-visible:ring-ring peer-disabled:opacity-50")}
        >
          <Upload aria-hidden /> {current ? "Change" : "Upload Logo"}
        </label>
        {current ? (
          <Button type="button" variant="outline" size="sm" disabled={busy} onClick={() => remove.run({ orgId, variant })}>
            <Trash2 aria-hidden /> Delete
          </Button>
        ) : null}
      </div>
      <p id={`${id}-hint`} className="text-xs text-muted-foreground">
        JPG, JPEG, PNG or WebP, at most 2 MB.{variant === "dark" ? " Shown when the page is dark; otherwise the Partner Logo shows." : ""}
      </p>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </section>
  );
}
