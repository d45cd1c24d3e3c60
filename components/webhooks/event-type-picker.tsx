"use client";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import type { EventType } from "@/lib/events/types";
import { EVENT_GROUPS } from "./labels";

/** All event types (the default, and types added later too), or a chosen few. */
export function EventTypePicker({
  all,
  onAllChange,
  selected,
  onSelectedChange,
  error,
}: {
  all: boolean;
  onAllChange: (all: boolean) => void;
  selected: EventType[];
  onSelectedChange: (types: EventType[]) => void;
  error?: string;
}) {
  const toggle = (type: EventType, on: boolean) => onSelectedChange(on ? [...selected, type] : selected.filter((t) => t !== type));
  return (
    <fieldset className="grid gap-2" aria-describedby={error ? "webhook-types-error" : undefined}>
      <legend className="mb-1 text-sm font-medium">Event types</legend>
      <RadioGroup value={all ? "all" : "some"} onValueChange={(v) => onAllChange(v === "all")}>
        <div className="flex items-center gap-2">
          <RadioGroupItem id="webhook-types-all" value="all" />
          <Label htmlFor="webhook-types-all">All event types</Label>
        </div>
        <div className="flex items-center gap-2">
          <RadioGroupItem id="webhook-types-some" value="some" />
          <Label htmlFor="webhook-types-some">Selected event types</Label>
        </div>
      </RadioGroup>
      {all ? null : (
        <div className="grid gap-3 rounded-md border p-3">
          {EVENT_GROUPS.map((group) => (
            <fieldset key={group.label} className="grid gap-1.5">
              <legend className="text-xs font-semibold text-muted-foreground">{group.label}</legend>
              {group.types.map((type) => (
                <div key={type} className="flex items-center gap-2">
                  <Checkbox id={`webhook-type-${type}`} checked={selected.includes(type)} onCheckedChange={(v) => toggle(type, v === true)} />
                  <Label htmlFor={`webhook-type-${type}`} className="font-mono text-xs">
                    {type}
                  </Label>
                </div>
              ))}
            </fieldset>
          ))}
        </div>
      )}
      {error ? (
        <p id="webhook-types-error" role="alert" className="text-xs font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
