import "server-only";
import type { AuthOptions } from "next-auth";
import { getDb } from "@/db";
import { config } from "@/lib/config";
import { adminCredentials } from "./providers/admin";
import { partnerProviders } from "./providers/partner";
import { authSecret } from "./secret";
import { endServerSession, SESSION_MAX_AGE_SECONDS, startServerSession } from "./server-sessions";

// next-auth v4 builds its callback URLs from NEXTAUTH_URL; APP_URL is this app's name for it.
process.env.NEXTAUTH_URL ??= config.appUrl();

export type SessionKind = "admin" | "partner_user";

declare module "next-auth" {
  interface Session {
    kind: SessionKind;
    uid: string;
    sv: number;
    sid: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    kind?: SessionKind;
    uid?: string;
    /** The user's session version when signed in: a bump ends every session at once. */
    sv?: number;
    /** The server-side session (auth_session row): signing out deletes it. */
    sid?: string;
  }
}

export async function authOptions(): Promise<AuthOptions> {
  return {
    secret: await authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/", error: "/" },
    providers: [adminCredentials, ...partnerProviders()],
    useSecureCookies: config.appUrl().startsWith("https://"),
    callbacks: {
      async signIn({ user }) {
        // A single sign-on whose verified email matched no partner user (lib/auth/providers/partner.ts).
        const refused = user as { kind?: string; reason?: string };
        if (refused.kind === "refused") {
          return refused.reason === "suspended" ? "/partner?error=suspended" : refused.reason === "partner_suspended" ? "/partner?error=partner-suspended" : "/partner?error=sso";
        }
        return true;
      },
      async jwt({ token, user }) {
        if (user) {
          const u = user as unknown as { id: string; kind: SessionKind; sv: number };
          token.kind = u.kind;
          token.uid = u.id;
          token.sv = u.sv;
          token.sid = await startServerSession(await getDb(), u.kind, u.id);
        }
        return token;
      },
      async session({ session, token }) {
        session.kind = token.kind!;
        session.uid = token.uid!;
        session.sv = token.sv ?? 0;
        session.sid = token.sid ?? "";
        return session;
      },
    },
    events: {
      // Signing out ends the session on the server: a copy of the cookie is refused from now on.
      async signOut({ token }) {
        if (token?.sid) await endServerSession(await getDb(), token.sid);
      },
    },
    logger: {
      // The cause's message only (e.g. why an SSO callback failed); tokens and profiles stay out of the log.
      error: (code, meta) => {
        const cause = meta instanceof Error ? meta : (meta as { error?: unknown } | undefined)?.error;
        console.error(`[auth] ${code}${cause instanceof Error ? `: ${cause.message}` : ""}`);
      },
      warn: () => {},
      debug: () => {},
    },
  };
}
