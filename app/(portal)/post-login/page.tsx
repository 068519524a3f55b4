import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { accessibleSmartAccounts } from "@/lib/access/context";
import { SA_COOKIE } from "@/lib/access/current-account";
import { requireAccess } from "@/lib/auth/session";

/** S-1 landing: Licensing Operations → /ops; several accounts and none chosen → S-2 list; else `/`. */
export default async function PostLogin() {
  const ctx = await requireAccess();
  if (ctx.user.licensingOps) redirect("/ops");
  const accessible = await accessibleSmartAccounts(await getDb(), ctx);
  const chosen = (await cookies()).get(SA_COOKIE)?.value;
  if (accessible.length > 1 && !accessible.some((sa) => sa.id === chosen)) redirect("/select-account");
  redirect("/");
}
