import type { DbOrTx } from "@/db/client";
import { type AccessContext, assertCan, can, requireSmartAccount, seesWholeAccount, visibleVirtualAccounts } from "@/lib/access/context";

/**
 * The VAs whose conversion data a user reads in a Smart Account (D-3: conversion history is `VA`
 * for VA roles), or null when the user sees the whole account.
 */
export async function conversionScope(db: DbOrTx, ctx: AccessContext, saId: string) {
  const sa = await requireSmartAccount(db, ctx, saId);
  assertCan(ctx, "view", { saId: sa.id });
  const vas = await visibleVirtualAccounts(db, ctx, sa.id);
  const vaIds = seesWholeAccount(ctx, sa.id) ? null : vas.map((v) => v.id);
  return { smartAccount: sa, vas, vaIds };
}

/** Destination VAs of a conversion: those of the SA where the user may convert (D-3 `license.convert`). */
export async function conversionTargets(db: DbOrTx, ctx: AccessContext, saId: string) {
  const vas = await visibleVirtualAccounts(db, ctx, saId);
  return vas.filter((v) => can(ctx, "license.convert", { saId, vaId: v.id })).map((v) => ({ id: v.id, name: v.name, isDefault: v.isDefault }));
}
