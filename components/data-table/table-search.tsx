import { Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** A plain GET form: the search lands in the URL, so links and the back button keep it. */
export function TableSearch({
  action,
  q,
  label,
  placeholder,
  hidden = {},
  children,
}: {
  action: string;
  q: string;
  label: string;
  placeholder?: string;
  hidden?: Record<string, string | undefined>;
  children?: React.ReactNode;
}) {
  return (
    <form action={action} method="get" role="search" className="flex flex-wrap items-end gap-2">
      <div className="grid max-w-full gap-1.5">
        <Label htmlFor="table-search">{label}</Label>
        <Input id="table-search" name="q" type="search" defaultValue={q} placeholder={placeholder} className="w-72 max-w-full" />
      </div>
      {Object.entries(hidden).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      {children}
      <Button type="submit" variant="secondary">
        <Search aria-hidden /> Search
      </Button>
    </form>
  );
}
