import type { DbOrTx } from "@/db/client";
import { type AccessContext, accessibleSmartAccounts } from "@/lib/access/context";

/** S-51: the chosen Smart Account (S-2 cookie), else the user's only one, else none. */
export async function traditionalSmartAccount(db: DbOrTx, ctx: AccessContext, chosenId: string | undefined) {
  const accessible = (await accessibleSmartAccounts(db, ctx)).filter((sa) => !ctx.user.licensingOps || ctx.saRoles.has(sa.id));
  return accessible.find((sa) => sa.id === chosenId) ?? (accessible.length === 1 ? accessible[0] : undefined);
}

/** S-51 `Smart Account: {name or Not Assigned}`. */
export async function traditionalSmartAccountName(db: DbOrTx, ctx: AccessContext, chosenId: string | undefined): Promise<string> {
  return (await traditionalSmartAccount(db, ctx, chosenId))?.name ?? "Not Assigned";
}
