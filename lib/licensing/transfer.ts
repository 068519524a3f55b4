import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { licenseLots, licenseTransactions, virtualAccounts } from "@/db/schema";
import { type AccessContext, assertCan, can, requireVirtualAccount } from "@/lib/access/context";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/access/errors";
import { now } from "@/lib/clock";
import { type Actor, recordEvent } from "@/lib/events/record";
import { drawOnBalance, type OnShort, notEnoughToTransfer } from "./draw";
import { TRANSFER_MSG } from "./transfer-messages";

export { TRANSFER_MSG };

const quantitySchema = z.number({ message: TRANSFER_MSG.quantity }).int(TRANSFER_MSG.quantity).min(1, TRANSFER_MSG.quantity);

/** S-11 / W-7 input, shared by the dialog, the server action and the REST API (V-14, V-15). */
export const transferLicensesSchema = z.object({
  sourceVaId: z.string().uuid(),
  targetVaId: z.string().uuid({ message: TRANSFER_MSG.sameTarget }),
  lines: z
    .array(z.object({ licenseDefinitionId: z.string().uuid(), quantity: quantitySchema }))
    .min(1, TRANSFER_MSG.quantity),
  memo: z.string().max(255, TRANSFER_MSG.memo).optional(),
});
export type TransferLicensesInput = z.input<typeof transferLicensesSchema>;

export type TransferResult = { quantity: number; targetName: string; transferGroupId: string };

/**
 * W-7: moves licenses from one VA to another of the same Smart Account. Lots are drawn through
 * the INV-4a helper (TRANSFER_OUT per lot), and each drawn lot reappears in the target as a
 * TRANSFER lot copying type, dates and subscription, with its TRANSFER_IN row; all rows share one
 * transfer_group_id (INV-3, INV-5). Events E-9 (source) and E-10 (target).
 */
export async function transferLicenses(
  tx: Tx,
  ctx: AccessContext,
  actor: Actor,
  raw: TransferLicensesInput,
  onShort: OnShort = notEnoughToTransfer,
): Promise<TransferResult> {
  // The domain re-checks every V-14/V-15 rule, whichever door the input came through.
  for (const line of raw.lines ?? []) {
    if (!quantitySchema.safeParse(line.quantity).success) throw new ValidationError(TRANSFER_MSG.quantity, "quantity");
  }
  if ((raw.memo ?? "").length > 255) throw new ValidationError(TRANSFER_MSG.memo, "memo");
  const input = transferLicensesSchema.parse(raw);

  const source = await requireVirtualAccount(tx, ctx, input.sourceVaId);
  assertCan(ctx, "license.transfer", { saId: source.smartAccountId, vaId: source.id });
  const [target] = await tx
    .select()
    .from(virtualAccounts)
    .where(and(eq(virtualAccounts.id, input.targetVaId), isNull(virtualAccounts.deletedAt)));
  if (!target || target.smartAccountId !== source.smartAccountId) throw new NotFoundError();
  if (target.id === source.id) throw new ValidationError(TRANSFER_MSG.sameTarget, "targetVaId");
  if (!can(ctx, "license.transfer", { saId: target.smartAccountId, vaId: target.id })) {
    throw new ForbiddenError(TRANSFER_MSG.cannotTransferTo(target.name));
  }

  // One line per license: repeated lines add up.
  const perLicense = new Map<string, number>();
  for (const l of input.lines) perLicense.set(l.licenseDefinitionId, (perLicense.get(l.licenseDefinitionId) ?? 0) + l.quantity);

  const at = now();
  const transferGroupId = randomUUID();
  const memo = input.memo?.trim() ? input.memo.trim() : null;
  const userId = actor.kind === "user" ? actor.userId : null;
  const common = { smartAccountId: source.smartAccountId, transferGroupId, memo, userId, occurredAt: at };
  const draws = await drawOnBalance(
    tx,
    [...perLicense].map(([licenseDefinitionId, quantity]) => ({ virtualAccountId: source.id, licenseDefinitionId, quantity })),
    onShort,
    { ...common, type: "TRANSFER_OUT", counterpartVaId: target.id },
  );

  let total = 0;
  for (const draw of draws) {
    for (const { lot, taken } of draw.drawn) {
      const [created] = await tx
        .insert(licenseLots)
        .values({
          virtualAccountId: target.id,
          licenseDefinitionId: draw.licenseDefinitionId,
          quantity: taken,
          licenseType: lot.licenseType,
          startDate: lot.startDate,
          endDate: lot.endDate,
          subscriptionId: lot.subscriptionId,
          source: "TRANSFER",
          sourceRef: transferGroupId,
          sku: lot.sku,
          createdAt: at,
        })
        .returning({ id: licenseLots.id });
      await tx.insert(licenseTransactions).values({
        ...common,
        virtualAccountId: target.id,
        licenseDefinitionId: draw.licenseDefinitionId,
        lotId: created.id,
        delta: taken,
        type: "TRANSFER_IN",
        counterpartVaId: source.id,
        sku: lot.sku,
      });
    }
    total += draw.quantity;
    const scope = { actor, smartAccountId: source.smartAccountId, licenseDefinitionId: draw.licenseDefinitionId, occurredAt: at };
    const data = { transferGroupId, quantity: draw.quantity, from: source.id, to: target.id };
    await recordEvent(tx, {
      ...scope,
      type: "E-9",
      params: { qty: draw.quantity, license: draw.licenseName, target: target.name, memo: memo ? ` Memo: ${memo}` : "" },
      virtualAccountId: source.id,
      data,
    });
    await recordEvent(tx, {
      ...scope,
      type: "E-10",
      params: { qty: draw.quantity, license: draw.licenseName, source: source.name },
      virtualAccountId: target.id,
      data,
    });
  }
  return { quantity: total, targetName: target.name, transferGroupId };
}
