"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Badge } from "@/components/ui/badge";
import { TryIt } from "./try-it";

export interface Operation {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  tag: string;
  parameters: { name: string; in: "path" | "query"; required: boolean; description: string }[];
  requestSchema: unknown;
  responses: Record<string, string>;
  responseSchema: unknown;
  example: unknown;
}

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/** Operations of the OpenAPI document, and an access token (kept in memory only) to try them with. */
export function ApiReference({ operations, schemas }: { operations: Operation[]; schemas: Record<string, unknown> }) {
  const [clientId, setClientId] = useState("");
  const [secret, setSecret] = useState("");
  const [token, setToken] = useState("");
  const [status, setStatus] = useState("");

  async function getToken(event: React.FormEvent) {
    event.preventDefault();
    setStatus("Requesting a token…");
    const res = await fetch("/api/oauth/token", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: secret }),
    });
    const body = (await res.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error_description?: string };
    if (res.ok && body.access_token) {
      setToken(body.access_token);
      setSecret("");
      setStatus(`Token received; it expires in ${Math.round((body.expires_in ?? 0) / 60)} minutes.`);
    } else setStatus(`Token request failed (${res.status}): ${body.error_description ?? "no details"}`);
  }

  return (
    <div className="min-w-0 space-y-6 [overflow-wrap:anywhere]">
      <section aria-labelledby="authorize-heading" className="space-y-3 rounded-md border p-4">
        <h2 id="authorize-heading" className="text-lg font-semibold">
          Authorize
        </h2>
        <form onSubmit={getToken} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
          <FormField id="try-client-id" label="Client ID">
            {(aria) => <Input autoComplete="off" value={clientId} onChange={(e) => setClientId(e.target.value)} {...aria} />}
          </FormField>
          <FormField id="try-client-secret" label="Client secret">
            {(aria) => <Input type="password" autoComplete="off" value={secret} onChange={(e) => setSecret(e.target.value)} {...aria} />}
          </FormField>
          <Button type="submit" disabled={!clientId || !secret}>
            Get access token
          </Button>
        </form>
        <FormField id="try-token" label="Access token" hint="Or paste one. It is kept in this page only.">
          {(aria) => <Input autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} className="font-mono text-xs" {...aria} />}
        </FormField>
        <p role="status" className="text-sm text-muted-foreground">
          {status}
        </p>
      </section>

      <section aria-labelledby="operations-heading" className="space-y-4">
        <h2 id="operations-heading" className="text-lg font-semibold">
          Operations
        </h2>
        {operations.map((op) => (
          <article key={op.id} aria-labelledby={`${op.id}-title`} className="space-y-2 rounded-md border p-4">
            <h3 id={`${op.id}-title`} className="flex flex-wrap items-center gap-2 font-medium">
              <Badge variant={op.method === "GET" ? "secondary" : op.method === "DELETE" ? "warning" : "default"}>{op.method}</Badge>
              <code className="text-sm">/api{op.path}</code>
              <span>{op.summary}</span>
            </h3>
            <p className="text-sm text-muted-foreground">{op.description}</p>
            {op.parameters.length ? (
              <ul className="list-disc pl-5 text-sm">
                {op.parameters.map((p) => (
                  <li key={`${p.in}-${p.name}`}>
                    <code>{p.name}</code> ({p.in}
                    {p.required ? ", required" : ""}): {p.description}
                  </li>
                ))}
              </ul>
            ) : null}
            <ul className="text-sm">
              {Object.entries(op.responses).map(([code, text]) => (
                <li key={code}>
                  <code>{code}</code> {text}
                </li>
              ))}
            </ul>
            <details>
              <summary className="cursor-pointer text-sm font-medium">Schemas</summary>
              {op.requestSchema ? <pre tabIndex={0} className="mt-2 overflow-x-auto rounded bg-muted p-2 text-xs">{`Request body\n${pretty(op.requestSchema)}`}</pre> : null}
              {op.responseSchema ? <pre tabIndex={0} className="mt-2 overflow-x-auto rounded bg-muted p-2 text-xs">{`200 response\n${pretty(op.responseSchema)}`}</pre> : null}
            </details>
            {op.id === "getAccessToken" ? null : <TryIt op={op} token={token} />}
          </article>
        ))}
      </section>

      <section aria-labelledby="schemas-heading" className="space-y-2">
        <h2 id="schemas-heading" className="text-lg font-semibold">
          Schemas
        </h2>
        {Object.entries(schemas).map(([name, schema]) => (
          <details key={name} className="rounded-md border p-3">
            <summary className="cursor-pointer font-mono text-sm">{name}</summary>
            <pre tabIndex={0} className="mt-2 overflow-x-auto rounded bg-muted p-2 text-xs">{pretty(schema)}</pre>
          </details>
        ))}
      </section>
    </div>
  );
}
