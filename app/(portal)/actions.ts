"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { canAccessSmartAccount } from "@/lib/access/context";
import { SA_COOKIE } from "@/lib/access/current-account";
import { signOut } from "@/lib/auth/next-auth";
import { currentAccess } from "@/lib/auth/session";
import { isUuid } from "@/lib/ids";

export async function logOut() {
  await signOut({ redirectTo: "/login" });
}

/** S-2: remembers the chosen Smart Account in the `slp_sa` cookie. */
export async function selectSmartAccount(raw: { smartAccountId: string }): Promise<{ ok: boolean; error?: string }> {
  const input = z.object({ smartAccountId: z.string().refine(isUuid) }).safeParse(raw);
  const ctx = await currentAccess();
  if (!ctx) return { ok: false, error: "Your session has ended. Log in again." };
  if (!input.success || !canAccessSmartAccount(ctx, input.data.smartAccountId)) {
    return { ok: false, error: "This item was not found." };
  }
  (await cookies()).set(SA_COOKIE, input.data.smartAccountId, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
  return { ok: true };
}
