import type { NextAuthConfig } from "next-auth";
import { deriveKey } from "@/lib/secrets";

export const SESSION_COOKIE = "authjs.session-token";
export const SESSION_MAX_AGE = 12 * 60 * 60;

export function sessionSecret(): string {
  return deriveKey("session").toString("base64url");
}

/** The parts of the Auth.js setup that need no database (shared by the proxy and the server). */
export function baseAuthConfig(): NextAuthConfig {
  return {
    secret: sessionSecret(),
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
    pages: { signIn: "/login" },
    cookies: { sessionToken: { name: SESSION_COOKIE, options: { httpOnly: true, sameSite: "lax", path: "/", secure: false } } },
    providers: [],
    callbacks: {
      jwt({ token, user }) {
        if (user?.id) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
}
