"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth/next-auth";
import { INVALID_CREDENTIALS } from "@/lib/auth/sign-in";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

export type LoginState = { error?: string; fieldErrors?: { login?: string; password?: string }; login?: string };

export async function logIn(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const login = String(formData.get("login") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  const fieldErrors: LoginState["fieldErrors"] = {};
  if (!login) fieldErrors.login = "Enter your email or username.";
  if (!password) fieldErrors.password = "Enter your password.";
  if (fieldErrors.login || fieldErrors.password) return { fieldErrors, login };
  const callbackUrl = safeCallbackUrl(String(formData.get("callbackUrl") ?? ""));
  try {
    await signIn("credentials", { login, password, redirectTo: callbackUrl ?? "/post-login" });
    return {};
  } catch (err) {
    if (err instanceof CredentialsSignin) return { error: err.code || INVALID_CREDENTIALS, login };
    if (err instanceof AuthError) return { error: INVALID_CREDENTIALS, login };
    throw err;
  }
}
