import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { type AccessContext, loadAccess } from "@/lib/access/context";
import { auth } from "./next-auth";

/** The signed-in user's access, loaded once per request; null when signed out or disabled. */
export const currentAccess = cache(async (): Promise<AccessContext | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  return loadAccess(await getDb(), userId);
});

export async function requireAccess(): Promise<AccessContext> {
  const ctx = await currentAccess();
  if (!ctx) redirect("/login");
  return ctx;
}
