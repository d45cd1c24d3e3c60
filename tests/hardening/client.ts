/** A minimal HTTP client with a cookie jar: signs in through next-auth and calls server actions as an attacker would. */
export class Client {
  cookies = new Map<string, string>();
  constructor(
    readonly base: string,
    readonly bearer?: string,
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async fetch(path: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    if (this.bearer && !headers.authorization) headers.authorization = `Bearer ${this.bearer}`;
    const res = await fetch(this.base + path, { redirect: "manual", ...init, headers });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      const name = pair!.slice(0, i);
      const value = pair!.slice(i + 1);
      if (value === "" || /max-age=0|expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** next-auth credentials sign-in ("admin" or "partner" provider); true when a session cookie was set. */
  async signIn(provider: "admin" | "partner", email: string, password: string, headers: Record<string, string> = {}): Promise<boolean> {
    const csrf = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await this.fetch(`/api/auth/callback/${provider}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, email, password, json: "true" }),
    });
    await res.text();
    return [...this.cookies.keys()].some((k) => k.endsWith("next-auth.session-token"));
  }

  /**
   * Posts a server action the way the browser's fetch does (or an attacker's script): the action
   * id in `Next-Action`, the arguments as a JSON array. Returns the status and the action's result.
   */
  async action(id: string, page: string, args: unknown[], opts: { origin?: string; rawBody?: string; contentType?: string } = {}): Promise<ActionCall> {
    const res = await this.fetch(page, {
      method: "POST",
      headers: {
        "Next-Action": id,
        "Content-Type": opts.contentType ?? "text/plain;charset=UTF-8",
        Accept: "text/x-component",
        Origin: opts.origin ?? this.base,
      },
      body: opts.rawBody ?? JSON.stringify(args),
    });
    const text = await res.text();
    return { status: res.status, text, result: actionResult(text) };
  }
}

export interface ActionCall {
  status: number;
  text: string;
  result: { ok: boolean; message?: string; data?: unknown; fieldErrors?: unknown } | undefined;
}

/** The action's return value out of the React flight response (the line holding `{"ok":…}`). */
export function actionResult(text: string): ActionCall["result"] {
  for (const line of text.split("\n")) {
    const m = /^[0-9a-f]+:(\{.*\})$/.exec(line);
    if (!m) continue;
    try {
      const value = JSON.parse(m[1]!) as Record<string, unknown>;
      if (typeof value.ok === "boolean") return value as never;
    } catch {
      /* not JSON */
    }
  }
  return undefined;
}
