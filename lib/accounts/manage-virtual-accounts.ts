import { randomInt } from "node:crypto";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import {
  licenseLots,
  onpremLocalAccounts,
  productInstances,
  registrationTokens,
  roleAssignments,
  users,
  virtualAccounts,
} from "@/db/schema";
import { type AccessContext, assertCan, requireSmartAccount, requireVirtualAccount } from "@/lib/access/context";
import { NotFoundError, STALE_ITEM, ValidationError } from "@/lib/access/errors";
import { ROLE_LABELS } from "@/lib/access/roles";
import { now } from "@/lib/clock";
import { type Actor, recordEvent } from "@/lib/events/record";
import { revokeToken, tokenStatus } from "@/lib/tokens/tokens";
import type { CreateVirtualAccountInput } from "./schemas";

const taken = (name: string) => `A virtual account named "${name}" already exists.`;

async function assertNameFree(tx: DbOrTx, saId: string, name: string, exceptId?: string) {
  const [clash] = await tx
    .select({ id: virtualAccounts.id })
    .from(virtualAccounts)
    .where(
      and(
        eq(virtualAccounts.smartAccountId, saId),
        isNull(virtualAccounts.deletedAt),
        sql`lower(${virtualAccounts.name}) = lower(${name})`,
        exceptId ? ne(virtualAccounts.id, exceptId) : undefined,
      ),
    );
  if (clash) throw new ValidationError(taken(name), "name");
}

/** A fresh 6-digit `va_numeric_id` (D-4), unique across the deployment. */
async function newNumericId(tx: DbOrTx): Promise<string> {
  for (;;) {
    const candidate = String(randomInt(100000, 1000000));
    const [used] = await tx.select({ id: virtualAccounts.id }).from(virtualAccounts).where(eq(virtualAccounts.vaNumericId, candidate));
    if (!used) return candidate;
  }
}

/** The VA locked for a change, still present (V-3), and manageable by the caller. */
async function lockVirtualAccount(tx: Tx, ctx: AccessContext, vaId: string) {
  const va = await requireVirtualAccount(tx, ctx, vaId);
  assertCan(ctx, "va.manage", { saId: va.smartAccountId });
  const [locked] = await tx.select().from(virtualAccounts).where(eq(virtualAccounts.id, vaId)).for("update");
  if (!locked || locked.deletedAt) throw new ValidationError(STALE_ITEM);
  return locked;
}

/** W-1: a new VA, optionally with users given VA roles (E-1, E-50). */
export async function createVirtualAccount(tx: Tx, ctx: AccessContext, actor: Actor, input: CreateVirtualAccountInput) {
  const sa = await requireSmartAccount(tx, ctx, input.smartAccountId);
  assertCan(ctx, "va.manage", { saId: sa.id });
  await assertNameFree(tx, sa.id, input.name);
  const [va] = await tx
    .insert(virtualAccounts)
    .values({ smartAccountId: sa.id, name: input.name, description: input.description, vaNumericId: await newNumericId(tx), createdAt: now() })
    .returning();
  await recordEvent(tx, { type: "E-1", params: { va: va.name }, actor, smartAccountId: sa.id, virtualAccountId: va.id });
  for (const grant of input.users) {
    const [user] = await tx.select().from(users).where(eq(users.id, grant.userId));
    if (!user || user.disabledAt) throw new ValidationError("No user found with that email or username.");
    await tx.insert(roleAssignments).values({ userId: user.id, smartAccountId: sa.id, virtualAccountId: va.id, role: grant.role });
    await recordEvent(tx, {
      type: "E-50",
      params: { target: user.ccoId, role: ROLE_LABELS[grant.role], onVa: ` on "${va.name}"` },
      actor,
      smartAccountId: sa.id,
    });
  }
  return { id: va.id };
}

/** W-2 `Edit...`: rename (E-2) and/or change the description. */
export async function editVirtualAccount(
  tx: Tx,
  ctx: AccessContext,
  actor: Actor,
  input: { virtualAccountId: string; name: string; description: string },
) {
  const va = await lockVirtualAccount(tx, ctx, input.virtualAccountId);
  const scope = { actor, smartAccountId: va.smartAccountId, virtualAccountId: va.id };
  if (input.name !== va.name) {
    await assertNameFree(tx, va.smartAccountId, input.name, va.id);
    await recordEvent(tx, { type: "E-2", params: { old: va.name, new: input.name }, ...scope });
  }
  if (input.description !== va.description) {
    await recordEvent(tx, { type: "E-2:description", params: { va: input.name }, ...scope });
  }
  await tx.update(virtualAccounts).set({ name: input.name, description: input.description }).where(eq(virtualAccounts.id, va.id));
}

/** W-2 `Make Default`: the flag moves in one transaction (INV-1, E-4 in both VAs). */
export async function makeDefaultVirtualAccount(tx: Tx, ctx: AccessContext, actor: Actor, input: { virtualAccountId: string }) {
  const va = await lockVirtualAccount(tx, ctx, input.virtualAccountId);
  if (va.isDefault) return;
  const [previous] = await tx
    .select()
    .from(virtualAccounts)
    .where(and(eq(virtualAccounts.smartAccountId, va.smartAccountId), eq(virtualAccounts.isDefault, true), isNull(virtualAccounts.deletedAt)))
    .for("update");
  if (previous) await tx.update(virtualAccounts).set({ isDefault: false }).where(eq(virtualAccounts.id, previous.id));
  await tx.update(virtualAccounts).set({ isDefault: true }).where(eq(virtualAccounts.id, va.id));
  await recordEvent(tx, {
    type: "E-4",
    params: { va: va.name, old: previous?.name ?? "-" },
    actor,
    smartAccountId: va.smartAccountId,
    virtualAccountId: va.id,
    alsoVirtualAccountIds: previous ? [previous.id] : [],
  });
}

/** INV-8 blockers, as the `Remove Virtual Account` dialog lists them (V-13). */
export async function virtualAccountRemovalBlockers(db: DbOrTx, vaId: string): Promise<string[]> {
  const [va] = await db.select().from(virtualAccounts).where(eq(virtualAccounts.id, vaId));
  if (!va) throw new NotFoundError();
  const blockers: string[] = [];
  if (va.isDefault) blockers.push("Virtual account is the default.");
  const [{ licenses }] = await db
    .select({ licenses: sql<number>`coalesce(sum(${licenseLots.quantity}), 0)`.mapWith(Number) })
    .from(licenseLots)
    .where(and(eq(licenseLots.virtualAccountId, vaId), eq(licenseLots.status, "ACTIVE")));
  if (licenses > 0) blockers.push(`Virtual account still holds ${licenses} licenses.`);
  const instances = await db.$count(productInstances, eq(productInstances.virtualAccountId, vaId));
  if (instances > 0) blockers.push(`Virtual account still has ${instances} product instances.`);
  const onPrem = await db.$count(onpremLocalAccounts, eq(onpremLocalAccounts.mappedVaId, vaId));
  if (onPrem > 0) blockers.push("Virtual account is associated with an On-Prem account.");
  return blockers;
}

/** W-3: soft-delete an empty VA; its active tokens are revoked (E-6 each), then E-3. */
export async function removeVirtualAccount(tx: Tx, ctx: AccessContext, actor: Actor, input: { virtualAccountId: string }) {
  const va = await lockVirtualAccount(tx, ctx, input.virtualAccountId);
  const blockers = await virtualAccountRemovalBlockers(tx, va.id);
  if (blockers.length) throw new ValidationError(blockers.join(" "));
  const at = now();
  const open = await tx
    .select()
    .from(registrationTokens)
    .where(and(eq(registrationTokens.virtualAccountId, va.id), isNull(registrationTokens.revokedAt)));
  for (const token of open.filter((t) => tokenStatus(t, at) === "Active")) {
    await revokeToken(tx, ctx, actor, { tokenId: token.id, reason: "Virtual account removed" });
  }
  await tx.update(virtualAccounts).set({ deletedAt: at }).where(eq(virtualAccounts.id, va.id));
  await recordEvent(tx, { type: "E-3", params: { va: va.name }, actor, smartAccountId: va.smartAccountId });
}
