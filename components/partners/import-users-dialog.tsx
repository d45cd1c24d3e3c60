"use client";
import { Upload } from "lucide-react";
import { useState } from "react";
import { importUsersAction } from "@/app/(admin)/settings/profile/partners/actions/import-users";
import { previewImportAction } from "@/app/(admin)/settings/profile/partners/actions/preview-import";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

type Preview = { valid: number; invalid: number; rows: { line: number; email: string; name: string | null; errors: string[] }[] };
const MAX_BYTES = 512 * 1024;

/** Upload → per-row report → confirm. Nothing is written until "Import". */
export function ImportUsersDialog({ orgId }: { orgId: string }) {
  const [open, setOpen] = useState(false);
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reset = () => {
    setCsv(null);
    setPreview(null);
    setError(null);
  };

  const previewRun = useAction(previewImportAction, { onError: setError });
  const importRun = useAction(importUsersAction, {
    success: (data) =>
      `${data.created} user${data.created === 1 ? "" : "s"} imported. Invitations have been sent.${data.skipped ? ` ${data.skipped} row${data.skipped === 1 ? "" : "s"} skipped.` : ""}`,
    onSuccess: () => {
      reset();
      setOpen(false);
    },
  });
  const pending = previewRun.pending || importRun.pending;

  const onFile = async (file: File | undefined) => {
    reset();
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setError("The file is larger than 512 KB; split it.");
      return;
    }
    const text = await file.text();
    const data = await previewRun.run({ orgId, csv: text });
    if (!data) return;
    setCsv(text);
    setPreview(data);
  };

  const onImport = () => importRun.run({ orgId, csv });

  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), o ? null : reset())}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <Upload aria-hidden /> Import users (CSV)
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-3xl">
        <DialogHeader>
          <DialogTitle>Import users from CSV</DialogTitle>
          <DialogDescription>
            The first line names the columns: Email address (required), and optionally Name, First name, Last name, Phone number (with
            the country code) and Role. Nothing is saved until you confirm.
          </DialogDescription>
        </DialogHeader>
        <div className="grid gap-1.5">
          <Label htmlFor="import-file">CSV file</Label>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            disabled={pending}
            onChange={(e) => onFile(e.target.files?.[0])}
            className="text-sm file:mr-3 file:rounded-md file:border file:bg-background file:px-3 file:py-1.5"
            aria-describedby={error ? "import-error" : undefined}
          />
          {error ? (
            <p id="import-error" role="alert" className="text-sm font-medium text-destructive">
              {error}
            </p>
          ) : null}
        </div>
        {preview ? (
          <div className="space-y-3">
            <p role="status" className="text-sm">
              {preview.valid} row{preview.valid === 1 ? "" : "s"} can be imported; {preview.invalid} row{preview.invalid === 1 ? "" : "s"} will be skipped.
            </p>
            <div className="max-h-80 overflow-y-auto rounded-md border">
              <Table>
                <caption className="sr-only">Import preview</caption>
                <TableHeader>
                  <TableRow>
                    <TableHead scope="col">Line</TableHead>
                    <TableHead scope="col">Email address</TableHead>
                    <TableHead scope="col">Full name</TableHead>
                    <TableHead scope="col">Result</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {preview.rows.map((r) => (
                    <TableRow key={r.line}>
                      <TableCell>{r.line}</TableCell>
                      <TableCell className="break-all">{r.email || "—"}</TableCell>
                      <TableCell>{r.name ?? "—"}</TableCell>
                      <TableCell className={r.errors.length ? "text-destructive" : "text-success-foreground"}>{r.errors.length ? r.errors.join(" ") : "OK"}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
            <div className="flex justify-end gap-2">
              <Button variant="outline" onClick={() => (reset(), setOpen(false))}>
                Cancel
              </Button>
              <Button onClick={onImport} disabled={pending || preview.valid === 0}>
                {pending ? "Importing…" : `Import ${preview.valid} user${preview.valid === 1 ? "" : "s"}`}
              </Button>
            </div>
          </div>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
