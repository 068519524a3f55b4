import { randomUUID } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { registrationTokens, smartAccounts, virtualAccounts } from "@/db/schema";
import { type AccessContext, assertCan, can, requireVirtualAccount, usersById } from "@/lib/access/context";
import { NotFoundError, STALE_ITEM, ValidationError } from "@/lib/access/errors";
import { addDays, now } from "@/lib/clock";
import { type Actor, recordEvent } from "@/lib/events/record";
import { formatTimestamp } from "@/lib/format";
import { decryptToken, encryptToken, hashToken } from "./crypto";
import { buildToken, canonicalToken, tokenFileName, tokenLabel, tokenPreview } from "./format";
import { type CreateTokenInput, type RevokeTokenInput, TOKEN_MSG } from "./schemas";

export type TokenRow = typeof registrationTokens.$inferSelect;
export type TokenStatus = "Active" | "Expired" | "Revoked";

/** D-11 derived status. */
export function tokenStatus(t: Pick<TokenRow, "revokedAt" | "expiresAt" | "uses" | "maxUses">, at = now()): TokenStatus {
  if (t.revokedAt) return "Revoked";
  if (t.expiresAt.getTime() <= at.getTime() || (t.maxUses != null && t.uses >= t.maxUses)) return "Expired";
  return "Active";
}

export const exportLabel = (allowed: boolean) => (allowed ? "Allowed" : "Not Allowed");

/** W-4: generates the F-9 string, stores it encrypted and hashed, and writes E-5. */
export async function createToken(tx: Tx, ctx: AccessContext, actor: Actor, input: CreateTokenInput) {
  await tx.select({ id: virtualAccounts.id }).from(virtualAccounts).where(eq(virtualAccounts.id, input.virtualAccountId)).for("update");
  const va = await requireVirtualAccount(tx, ctx, input.virtualAccountId);
  assertCan(ctx, "token.create", { saId: va.smartAccountId, vaId: va.id });
  const [sa] = await tx.select().from(smartAccounts).where(eq(smartAccounts.id, va.smartAccountId));
  const exportControlled = input.exportControlled ?? sa.exportControlledAllowed;
  if (exportControlled && !sa.exportControlledAllowed) throw new ValidationError(TOKEN_MSG.exportControlled, "exportControlled");

  const createdAt = now();
  const expiresAt = addDays(createdAt, input.expireAfter);
  const tokenUuid = randomUUID();
  const token = buildToken({ tokenUuid, expiresAt, vaNumericId: va.vaNumericId });
  const [row] = await tx
    .insert(registrationTokens)
    .values({
      id: randomUUID(),
      virtualAccountId: va.id,
      tokenUuid,
      tokenHash: hashToken(token),
      tokenCiphertext: encryptToken(token),
      description: input.description,
      expiresAt,
      maxUses: input.maxUses,
      exportControlled,
      createdBy: actor.kind === "user" ? actor.userId : null,
      createdAt,
    })
    .returning({ id: registrationTokens.id });
  await recordEvent(tx, {
    type: "E-5",
    params: {
      label: tokenLabel(input.description, token),
      date: formatTimestamp(expiresAt),
      uses: input.maxUses ?? "unlimited",
      export: exportLabel(exportControlled),
    },
    actor,
    smartAccountId: va.smartAccountId,
    virtualAccountId: va.id,
    data: { tokenId: row.id },
    occurredAt: createdAt,
  });
  return { id: row.id, token };
}

/** W-6: locks the token, re-checks it is still Active (V-3), sets `revoked_at` and writes E-6. */
export async function revokeToken(tx: Tx, ctx: AccessContext, actor: Actor, input: RevokeTokenInput): Promise<void> {
  const [row] = await tx.select().from(registrationTokens).where(eq(registrationTokens.id, input.tokenId)).for("update");
  if (!row) throw new NotFoundError();
  const va = await requireVirtualAccount(tx, ctx, row.virtualAccountId);
  assertCan(ctx, "token.revoke", { saId: va.smartAccountId, vaId: va.id });
  const at = now();
  if (tokenStatus(row, at) !== "Active") throw new ValidationError(STALE_ITEM);
  const reason = input.reason || null;
  await tx
    .update(registrationTokens)
    .set({ revokedAt: at, revokedBy: actor.kind === "user" ? actor.userId : null, revokeReason: reason })
    .where(eq(registrationTokens.id, row.id));
  await recordEvent(tx, {
    type: "E-6",
    params: { label: tokenLabel(row.description, decryptToken(row.tokenCiphertext)), reason: reason ? ` Reason: ${reason}.` : "" },
    actor,
    smartAccountId: va.smartAccountId,
    virtualAccountId: va.id,
    data: { tokenId: row.id },
    occurredAt: at,
  });
}

export type TokenListItem = {
  id: string;
  preview: string;
  expiresAt: Date;
  status: TokenStatus;
  uses: number;
  maxUses: number | null;
  exportControlled: boolean;
  description: string;
  createdBy: string;
  createdAt: Date;
  canCopy: boolean;
  canRevoke: boolean;
};

/** S-7 token table of a VA, newest first; only Active tokens unless `includeInactive`. */
export async function listTokens(db: DbOrTx, ctx: AccessContext, vaId: string, options: { includeInactive?: boolean } = {}) {
  const va = await requireVirtualAccount(db, ctx, vaId);
  assertCan(ctx, "view", { saId: va.smartAccountId, vaId: va.id });
  const rows = await db
    .select()
    .from(registrationTokens)
    .where(eq(registrationTokens.virtualAccountId, va.id))
    .orderBy(desc(registrationTokens.createdAt), desc(registrationTokens.id));
  const at = now();
  const scope = { saId: va.smartAccountId, vaId: va.id };
  const canCopy = can(ctx, "token.create", scope);
  const canRevoke = can(ctx, "token.revoke", scope);
  const creators = await usersById(db, [...new Set(rows.map((r) => r.createdBy).filter((id): id is string => Boolean(id)))]);
  const items: TokenListItem[] = [];
  for (const r of rows) {
    const status = tokenStatus(r, at);
    if (status !== "Active" && !options.includeInactive) continue;
    items.push({
      id: r.id,
      preview: tokenPreview(decryptToken(r.tokenCiphertext)),
      expiresAt: r.expiresAt,
      status,
      uses: r.uses,
      maxUses: r.maxUses,
      exportControlled: r.exportControlled,
      description: r.description,
      createdBy: (r.createdBy && creators.get(r.createdBy)?.ccoId) || "System",
      createdAt: r.createdAt,
      canCopy,
      canRevoke: canRevoke && status === "Active",
    });
  }
  return { va, items };
}

/** W-5: one token's plain text for `Copy` and `Download`; the same permission as creating one. */
export async function readToken(db: DbOrTx, ctx: AccessContext, tokenId: string) {
  const [row] = await db.select().from(registrationTokens).where(eq(registrationTokens.id, tokenId));
  if (!row) throw new NotFoundError();
  const va = await requireVirtualAccount(db, ctx, row.virtualAccountId);
  assertCan(ctx, "token.create", { saId: va.smartAccountId, vaId: va.id });
  const token = decryptToken(row.tokenCiphertext);
  return { token, fileName: tokenFileName(va.name, now()), vaName: va.name };
}

/** Looks a presented token up by its SHA-256 (D-11); any accepted F-9 form works. */
export async function findTokenByValue(db: DbOrTx, input: string): Promise<TokenRow | undefined> {
  let canonical: string;
  try {
    canonical = canonicalToken(input);
  } catch {
    return undefined;
  }
  const [row] = await db.select().from(registrationTokens).where(eq(registrationTokens.tokenHash, hashToken(canonical)));
  return row;
}
