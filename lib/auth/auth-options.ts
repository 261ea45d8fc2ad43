import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { verifySignIn } from "@/lib/services/verify-sign-in";
import { requestAddress } from "@/lib/auth/request-address";
import { isProductionHttps, type HeaderSource } from "@/lib/auth/https-request";
import { logger } from "@/lib/observability/logger";
import { DATABASE_UNAVAILABLE_CODE, isDatabaseOutage } from "@/lib/domain/database-outage";
import { databaseOutageMessagesFor } from "@/lib/i18n/database-outage-messages";

/** A working day: an officer signs in in the morning, the session ends by night. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/**
 * What a refused sign-in tells the form: the service's own bilingual message, carried through
 * next-auth's `error` string, so the form shows it in the visitor's language without a second
 * copy of the wording.
 */
export type SignInRefusal = { code: string; vi: string; en: string };

export function authSecret(): string | undefined {
  return process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/console/sign-in" },
  logger: {
    // The console signs in and out without next-auth's redirects (redirect: false and its own
    // sign-out route), so the address NEXTAUTH_URL would give them is never used.
    warn(code) {
      if (code !== "NEXTAUTH_URL") logger.warn({ event: "next-auth.warning", code }, "next-auth warning");
    },
    error(code, metadata) {
      // Only the error: the rest of next-auth's metadata may echo what the client sent.
      logger.error({ event: "next-auth.error", code, err: metadata instanceof Error ? metadata : metadata.error }, "next-auth error");
    },
    debug() {},
  },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const result = await verifySignIn({
          email: credentials?.email ?? "",
          password: credentials?.password ?? "",
          ip: requestAddress(request.headers ?? {}),
          userAgent: headerValue(request.headers ?? {}, "user-agent"),
        }).catch((error: unknown) => {
          // The form then says the database is briefly out of reach, not that the password was wrong.
          if (isDatabaseOutage(error)) return { ok: false as const, code: DATABASE_UNAVAILABLE_CODE, ...bilingualOutage() };
          throw error;
        });
        if (!result.ok) {
          const refusal: SignInRefusal = { code: result.code, vi: result.vi, en: result.en };
          throw new Error(JSON.stringify(refusal));
        }
        return { id: result.user.id, email: result.user.email, name: result.user.name, sessionVersion: result.user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    // The token carries only who and which session generation; role and unit are read from the
    // database on every request (lib/auth/session.ts), so a change takes effect at once.
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        token.signedInAt = Date.now();
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, userId: token.sub, sessionVersion: token.sessionVersion, signedInAt: token.signedInAt };
    },
  },
};

const OVER_HTTPS: NextAuthOptions = { ...authOptions, useSecureCookies: true };
const OVER_HTTP: NextAuthOptions = { ...authOptions, useSecureCookies: false };

/**
 * next-auth's options for one request: its session and CSRF cookies are always HttpOnly and
 * SameSite=Lax, and in production over HTTPS also Secure (under next-auth's __Secure- and __Host-
 * names). Decided per request, like the portal's other cookies, so that a portal behind an HTTPS
 * proxy gets Secure cookies without further settings while one tried over plain HTTP still signs in.
 */
export function authOptionsFor(headers: HeaderSource): NextAuthOptions {
  return isProductionHttps(headers) ? OVER_HTTPS : OVER_HTTP;
}

function headerValue(headers: Record<string, unknown>, name: string): string | undefined {
  const value = headers[name];
  return typeof value === "string" ? value : Array.isArray(value) ? String(value[0]) : undefined;
}

function bilingualOutage(): { vi: string; en: string } {
  return { vi: databaseOutageMessagesFor("vi").short, en: databaseOutageMessagesFor("en").short };
}
