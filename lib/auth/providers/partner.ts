import "server-only";
import type { AuthOptions } from "next-auth";

/** Sign-in methods of partner users (credentials, SSO). */
export function partnerProviders(): AuthOptions["providers"] {
  return [];
}
