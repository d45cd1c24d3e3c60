import { z } from "zod";

// In the browser zod must not probe for `new Function` (its faster object parser): the page's
// Content-Security-Policy forbids eval, and the probe alone is reported as a violation. The server
// keeps the faster parser.
if (typeof window !== "undefined") z.config({ jitless: true });

/** zod, configured for where it runs: every schema of a form imports it from here. */
export { z };
