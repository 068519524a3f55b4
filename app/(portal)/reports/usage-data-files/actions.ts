"use server";

import { mutation } from "@/lib/actions/mutation";
import { assignVirtualAccounts, assignVirtualAccountsSchema } from "@/lib/usage/assign";

/** S-26 `Select Virtual Accounts` › `OK` (W-10 step 4). */
export const assignUsageFileVirtualAccountsAction = mutation(assignVirtualAccountsSchema, ({ tx, ctx, actor, input }) =>
  assignVirtualAccounts(tx, ctx, actor, input),
);
