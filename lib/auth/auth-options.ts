import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { verifySignIn } from "@/lib/services/verify-sign-in";
import { requestAddress } from "@/lib/auth/request-address";

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
      if (code !== "NEXTAUTH_URL") console.warn(`[next-auth] ${code}`);
    },
    error(code, metadata) {
      console.error(`[next-auth] ${code}`, metadata);
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

function headerValue(headers: Record<string, unknown>, name: string): string | undefined {
  const value = headers[name];
  return typeof value === "string" ? value : Array.isArray(value) ? String(value[0]) : undefined;
}
