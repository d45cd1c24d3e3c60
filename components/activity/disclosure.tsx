"use client";
import { ChevronDown, ChevronRight } from "lucide-react";
import { useState } from "react";

/**
 * A heading that shows or hides its content. The content is not in the page until opened, so a
 * long trail (which repeats names and emails) neither crowds nor duplicates the page's text.
 */
export function Disclosure({ id, title, note, children }: { id: string; title: string; note?: string; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const Icon = open ? ChevronDown : ChevronRight;
  return (
    <div className="space-y-3">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)} className="inline-flex items-center gap-1 hover:underline">
          <Icon className="size-4" aria-hidden />
          {title}
          {note ? <span className="text-sm font-normal text-muted-foreground"> ({note})</span> : null}
        </button>
      </h2>
      <div id={id} hidden={!open}>
        {open ? children : null}
      </div>
    </div>
  );
}
