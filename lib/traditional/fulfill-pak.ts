import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx, Tx } from "@/db/client";
import { pakLines, virtualAccounts } from "@/db/schema";
import type { AccessContext } from "@/lib/access/context";
import { ForbiddenError, ValidationError } from "@/lib/access/errors";
import { now } from "@/lib/clock";
import type { Actor } from "@/lib/events/record";
import { currentSigningKey } from "@/lib/signing/keys";
import { canWriteTrad, requirePak, requireWritablePak } from "./access";
import { findOrCreateDevice } from "./devices";
import { recordTradEvent } from "./events";
import { insertLicenseLines, type NewLine, storeLicenseFile } from "./license-lines";
import { queueLicenseMail, recipientsSchema } from "./mail";
import { TRAD_MSG } from "./messages";
import { availableOf } from "./pak-status";
import { pidSchema, snSchema } from "./udi";

export type FulfillmentLine = {
  id: string;
  sku: string;
  description: string;
  productFamily: string;
  allowedPids: string[];
  feature: string;
  licenseType: "PERPETUAL" | "TERM";
  termEnd: string | null;
  available: number;
};

export type PakForFulfillment = {
  pakId: string;
  pak: string;
  partialFulfillment: boolean;
  virtualAccountName: string | null;
  lines: FulfillmentLine[];
};

/** S-53 step 1 `Fulfill`: the PAK's lines with what is left (V-50; V-2 for read-only access). */
export async function pakForFulfillment(db: DbOrTx, ctx: AccessContext, raw: string): Promise<PakForFulfillment> {
  const pak = await requirePak(db, ctx, raw);
  if (!canWriteTrad(ctx, pak)) throw new ForbiddenError();
  const lines = await db.select().from(pakLines).where(eq(pakLines.pakId, pak.id)).orderBy(asc(pakLines.sku), asc(pakLines.id));
  const out = lines.map((l) => ({
    id: l.id,
    sku: l.sku,
    description: l.description,
    productFamily: l.productFamily,
    allowedPids: l.allowedPids,
    feature: l.featureName,
    licenseType: l.licenseType,
    termEnd: l.termEnd,
    available: availableOf(l),
  }));
  if (out.every((l) => l.available === 0)) throw new ValidationError(TRAD_MSG.nothingLeft, "pak");
  const [va] = pak.virtualAccountId
    ? await db.select({ name: virtualAccounts.name }).from(virtualAccounts).where(eq(virtualAccounts.id, pak.virtualAccountId))
    : [];
  return { pakId: pak.id, pak: pak.pak, partialFulfillment: pak.partialFulfillment, virtualAccountName: va?.name ?? null, lines: out };
}

export const fulfillPakSchema = z.object({
  pak: z.string(),
  device: z.object(
    {
      productFamily: z.string().trim().min(1, TRAD_MSG.familyRequired),
      pid: pidSchema,
      sn: snSchema,
    },
    { message: TRAD_MSG.noDevice },
  ),
  lines: z.array(z.object({ pakLineId: z.string().uuid(), quantity: z.number().int() })).min(1),
  sendTo: recipientsSchema,
  acceptTerms: z.literal(true, { message: TRAD_MSG.terms }),
});
export type FulfillPakInput = z.input<typeof fulfillPakSchema>;

export type IssuedFile = { fileId: string; fileName: string; deviceId: string };

/**
 * W-43: issues one node-locked line per PAK line with a quantity (count = quantity; PERMANENT, or
 * SUBSCRIPTION up to the term end), adds the quantities to `qty_fulfilled` under a row lock
 * (INV-10; a PAK without partial fulfilment gives everything left at once), builds F-11, stores
 * it and mails it to every recipient. Events E-108 (new device) and E-101.
 */
export async function fulfillPak(tx: Tx, ctx: AccessContext, actor: Actor, raw: FulfillPakInput): Promise<IssuedFile> {
  if (raw.acceptTerms !== true) throw new ValidationError(TRAD_MSG.terms, "acceptTerms");
  const input = fulfillPakSchema.parse(raw);
  const pak = await requireWritablePak(tx, ctx, input.pak);
  const lines = await tx
    .select()
    .from(pakLines)
    .where(eq(pakLines.pakId, pak.id))
    .orderBy(asc(pakLines.sku), asc(pakLines.id))
    .for("update");

  const asked = new Map<string, number>();
  for (const l of input.lines) {
    if (!lines.some((p) => p.id === l.pakLineId)) throw new ValidationError(TRAD_MSG.pakNotFound(pak.pak), "pak");
    asked.set(l.pakLineId, (asked.get(l.pakLineId) ?? 0) + l.quantity);
  }
  if (lines.every((l) => availableOf(l) === 0)) throw new ValidationError(TRAD_MSG.nothingLeft, "pak");
  lines.forEach((l, i) => {
    const q = asked.get(l.id) ?? 0;
    if (q < 0 || q > availableOf(l)) throw new ValidationError(TRAD_MSG.quantity(availableOf(l)), `lines.${i}.quantity`);
  });
  if (!pak.partialFulfillment && lines.some((l) => (asked.get(l.id) ?? 0) !== availableOf(l))) {
    throw new ValidationError(TRAD_MSG.fullOnly, "lines");
  }
  const chosen = lines.filter((l) => (asked.get(l.id) ?? 0) > 0);
  if (chosen.length === 0) {
    const first = lines.find((l) => availableOf(l) > 0)!;
    throw new ValidationError(TRAD_MSG.quantity(availableOf(first)), `lines.${lines.indexOf(first)}.quantity`);
  }
  const udi = { pid: input.device.pid, sn: input.device.sn };
  for (const l of chosen) {
    const allowed = l.allowedPids.map((p) => p.toLowerCase());
    if (allowed.length && !allowed.includes(udi.pid.toLowerCase())) {
      throw new ValidationError(TRAD_MSG.pidNotEligible(udi.pid, l.sku), "device.pid");
    }
  }

  const at = now();
  const { device } = await findOrCreateDevice(
    tx,
    ctx,
    actor,
    udi,
    { productFamily: input.device.productFamily, smartAccountId: pak.smartAccountId, virtualAccountId: pak.virtualAccountId },
    at,
  );
  const newLines: NewLine[] = chosen.map((l) => ({
    feature: l.featureName,
    version: l.featureVersion,
    type: l.licenseType === "TERM" ? "SUBSCRIPTION" : "PERMANENT",
    count: asked.get(l.id)!,
    expiresAt: l.licenseType === "TERM" && l.termEnd ? new Date(`${l.termEnd}T00:00:00Z`) : null,
    pakLineId: l.id,
  }));
  for (const l of chosen) {
    await tx
      .update(pakLines)
      .set({ qtyFulfilled: sql`${pakLines.qtyFulfilled} + ${asked.get(l.id)!}` })
      .where(eq(pakLines.id, l.id));
  }
  const key = await currentSigningKey(tx);
  const issued = await insertLicenseLines(tx, key, device, newLines, { at, issuedBy: ctx.user.id });
  const file = await storeLicenseFile(tx, device, issued, "PAK", { at, emailedTo: input.sendTo });
  const udiText = `${device.udiPid}:${device.udiSn}`;
  await queueLicenseMail(tx, input.sendTo, file, udiText);
  await recordTradEvent(tx, {
    type: "E-101",
    params: { n: issued.length, pak: pak.pak, pid: device.udiPid, sn: device.udiSn },
    actor,
    data: { pakId: pak.id, pak: pak.pak, deviceId: device.id, udi: udiText, fileId: file.id },
    occurredAt: at,
  });
  return { fileId: file.id, fileName: file.fileName, deviceId: device.id };
}
