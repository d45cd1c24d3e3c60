"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { Operation } from "./api-reference";

/** Sends one request of an operation from the browser, with the access token above. */
export function TryIt({ op, token }: { op: Operation; token: string }) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [body, setBody] = useState(op.example ? JSON.stringify(op.example, null, 2) : "");
  const [result, setResult] = useState<{ status: number; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function send(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    try {
      let path = op.path;
      const query = new URLSearchParams();
      for (const p of op.parameters) {
        const v = values[p.name] ?? "";
        if (p.in === "path") path = path.replace(`{${p.name}}`, encodeURIComponent(v));
        else if (v) query.set(p.name, v);
      }
      const qs = query.toString();
      const res = await fetch(`/api${path}${qs ? `?${qs}` : ""}`, {
        method: op.method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(op.requestSchema ? { "content-type": "application/json" } : {}) },
        body: op.requestSchema ? body : undefined,
      });
      const text = await res.text();
      let shown = text;
      try {
        shown = JSON.stringify(JSON.parse(text), null, 2);
      } catch {}
      setResult({ status: res.status, text: shown });
    } catch (err) {
      setResult({ status: 0, text: err instanceof Error ? err.message : "The request failed." });
    } finally {
      setPending(false);
    }
  }

  return (
    <details>
      <summary className="cursor-pointer text-sm font-medium">Try it</summary>
      <form onSubmit={send} className="mt-2 grid gap-3">
        {op.parameters.map((p) => (
          <FormField key={p.name} id={`${op.id}-${p.name}`} label={p.name} required={p.required}>
            {(aria) => <Input value={values[p.name] ?? ""} onChange={(e) => setValues({ ...values, [p.name]: e.target.value })} {...aria} />}
          </FormField>
        ))}
        {op.requestSchema ? (
          <FormField id={`${op.id}-body`} label="Request body (JSON)">
            {(aria) => (
              <textarea
                rows={5}
                value={body}
                onChange={(e) => setBody(e.target.value)}
                className="rounded-md border border-input bg-background p-2 font-mono text-xs"
                {...aria}
              />
            )}
          </FormField>
        ) : null}
        <div>
          <Button type="submit" variant="outline" disabled={pending}>
            {pending ? "Sending…" : `Send ${op.method}`}
          </Button>
        </div>
        {result ? (
          <div role="status" aria-label={`Response of ${op.summary}`}>
            <p className="text-sm font-medium">Status {result.status}</p>
            <pre tabIndex={0} className="max-h-80 overflow-auto rounded bg-muted p-2 text-xs">{result.text}</pre>
          </div>
        ) : null}
      </form>
    </details>
  );
}
