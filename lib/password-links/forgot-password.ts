import "server-only";
import { after } from "next/server";
import type { Db } from "@/db";
import { clientAddress } from "@/lib/client-address";
import { config } from "@/lib/config";
import { DomainError } from "@/lib/errors";
import { hit } from "@/lib/rate-limit";
import { domainRequiresSso } from "@/lib/sso/require-sso";
import { requestPasswordReset } from "./links";
import type { PrincipalKind } from "./tokens";
import { logError } from "@/lib/log";

/** Requests of "Forgot password?" per address and hour, over any emails. */
const PER_ADDRESS_PER_HOUR = 20;

/**
 * "Forgot password?" of both sign-in pages (portal admins at /forgot-password, partner users at
 * /partner/forgot-password). The answer is the same whether or not the email exists, and so is
 * its timing: the lookup and the mail run after the response has been sent.
 */
export async function forgotPassword(db: Db, email: string, kind: PrincipalKind, headers: Headers): Promise<{ message: string }> {
  if (!(await hit(db, `reset-addr:${clientAddress(headers)}`, PER_ADDRESS_PER_HOUR, 3600))) {
    throw new DomainError("rate_limited", "Too many requests from your network. Wait a while and try again.");
  }
  after(() =>
    requestPasswordReset(db, email, kind).catch((err) =>
      logError("reset", "could not send a reset link", err),
    ),
  );
  const hours = config.resetTtlHours();
  const who = kind === "admin" ? "a portal admin" : "a partner user";
  const sent = `we have sent a link to choose a new password. It works once and expires in ${hours === 1 ? "1 hour" : `${hours} hours`}.`;
  // Said of the domain, whoever asks: it tells nothing about whether the address has an account.
  if (kind === "partner_user" && (await domainRequiresSso(db, email))) {
    return {
      message: `Your organisation signs in with single sign-on: sign in with your email and Continue, and your identity provider checks your password. Only your partner's break-glass Admin has a password here; if that is you, ${sent}`,
    };
  }
  return { message: `If ${who} has this email, ${sent}` };
}
