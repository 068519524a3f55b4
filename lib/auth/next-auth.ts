import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { baseAuthConfig } from "./config";
import { clientAddressOf } from "./client-address";
import { authenticate } from "./sign-in";

/** Carries the user-facing message (S-1, V-16a) from `authorize` back to the login action. */
export class SignInRefused extends CredentialsSignin {
  constructor(message: string) {
    super(message);
    this.code = message;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...baseAuthConfig(),
  providers: [
    Credentials({
      credentials: { login: {}, password: {} },
      async authorize(credentials, request) {
        const result = await authenticate(await getDb(), {
          login: String(credentials?.login ?? ""),
          password: String(credentials?.password ?? ""),
          clientAddress: clientAddressOf(request.headers),
          channel: "FORM",
        });
        if (!result.ok) throw new SignInRefused(result.message);
        return { id: result.user.id, email: result.user.email, name: result.user.displayName };
      },
    }),
  ],
}));
