import type { DbOrTx } from "@/db/client";
import { type AccessContext, accessibleSmartAccounts } from "@/lib/access/context";

/** S-51 `Smart Account: {name or Not Assigned}`: the chosen Smart Account (S-2 cookie), else the only one. */
export async function traditionalSmartAccountName(db: DbOrTx, ctx: AccessContext, chosenId: string | undefined): Promise<string> {
  const accessible = (await accessibleSmartAccounts(db, ctx)).filter((sa) => !ctx.user.licensingOps || ctx.saRoles.has(sa.id));
  const chosen = accessible.find((sa) => sa.id === chosenId) ?? (accessible.length === 1 ? accessible[0] : undefined);
  return chosen?.name ?? "Not Assigned";
}
