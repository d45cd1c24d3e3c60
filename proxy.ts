import { NextResponse, type NextRequest } from "next/server";

/**
 * A fresh nonce and Content-Security-Policy on every page. This is not an access check: every
 * page, action and route handler checks the session itself.
 */
export function proxy(request: NextRequest) {
  // Next refuses a server action from another origin too, but as a 500 with an error in the log;
  // refuse it here first, as what it is: a forbidden cross-site request (CSRF).
  if (request.method === "POST" && request.headers.has("next-action") && crossOrigin(request)) {
    return NextResponse.json({ message: "Cross-origin requests are not allowed." }, { status: 403 });
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV === "development";
  const https = (process.env.APP_URL ?? "").startsWith("https://");
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Radix and the toaster set inline style attributes; scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    // Partner logos are URLs on other hosts, loaded by the browser (the server never fetches them).
    "img-src 'self' data: blob: https: http:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

function crossOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" (sandboxed or file pages) or garbage
  }
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|apple-icon.png).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
