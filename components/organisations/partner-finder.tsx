"use client";
import { Search } from "lucide-react";
import { useEffect, useState, useTransition } from "react";
import { findPartnersAction } from "@/app/(admin)/organisations/actions/find-partners";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export interface PartnerOption {
  id: string;
  name: string;
}

const SELECT = "h-9 w-full rounded-md border border-input bg-background px-2 text-sm";

/**
 * A select of partners that a search fills: with 100k partners no select can list them all, so the
 * admin finds a few by a fragment of the name (or the exact ID) and picks one. `""` is "No partner".
 */
export function PartnerFinder({
  id,
  label,
  value,
  onChange,
  current,
  noPartner = true,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The partner chosen so far, kept in the list whatever the search finds. */
  current?: PartnerOption | null;
  noPartner?: boolean;
}) {
  const [q, setQ] = useState("");
  const [options, setOptions] = useState<PartnerOption[]>([]);
  const [status, setStatus] = useState("");
  const [pending, startTransition] = useTransition();
  const find = (term: string) =>
    startTransition(async () => {
      const result = await findPartnersAction({ q: term });
      if (!result.ok) return setStatus(result.message);
      setOptions(result.data);
      setStatus(result.data.length ? `${result.data.length} partner${result.data.length === 1 ? "" : "s"} found.` : "No partner matches.");
    });
  useEffect(() => find(""), []);
  const shown = [...(current ? [current] : []), ...options.filter((o) => o.id !== current?.id)];
  return (
    <div className="grid gap-3">
      <div className="flex items-end gap-2">
        <div className="grid flex-1 gap-1.5">
          <Label htmlFor={`${id}-find`}>Find a partner</Label>
          <Input
            id={`${id}-find`}
            type="search"
            value={q}
            placeholder="Part of a name, or an ID"
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                find(q);
              }
            }}
          />
        </div>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => find(q)}>
          <Search aria-hidden /> Find
        </Button>
      </div>
      <p role="status" className="text-xs text-muted-foreground">
        {pending ? "Searching…" : status}
      </p>
      <div className="grid gap-1.5">
        <Label htmlFor={id}>{label}</Label>
        <select id={id} className={SELECT} value={value} onChange={(e) => onChange(e.target.value)}>
          {noPartner ? <option value="">No partner</option> : <option value="" disabled>Choose a partner</option>}
          {shown.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
