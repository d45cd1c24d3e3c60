import { CopyButton } from "@/components/partners/copy-button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** A value to copy into the identity provider's settings: a labelled read-only field with a copy button. */
export function ReadOnlyValue({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <div className="flex items-center gap-1">
        <Input id={id} readOnly value={value} className="font-mono text-xs" />
        <CopyButton value={value} label={`Copy the ${label}`} />
      </div>
    </div>
  );
}
