import { CopyButton } from "@/components/partners/copy-button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/**
 * A value to copy into the identity provider's settings: a labelled read-only field with a "Copy"
 * button described by that label (so the label names the field alone).
 */
export function ReadOnlyValue({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id} id={`${id}-label`}>
        {label}
      </Label>
      <div className="flex items-center gap-1">
        <Input id={id} readOnly value={value} className="font-mono text-xs" />
        <CopyButton value={value} label="Copy" describedBy={`${id}-label`} />
      </div>
    </div>
  );
}
