import { inArray } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx, Tx } from "@/db/client";
import { rmaRequests, tradLicenseLines } from "@/db/schema";
import type { AccessContext } from "@/lib/access/context";
import { ForbiddenError, STALE_ITEM, ValidationError } from "@/lib/access/errors";
import { now } from "@/lib/clock";
import type { Actor } from "@/lib/events/record";
import { currentSigningKey } from "@/lib/signing/keys";
import { canSeeTrad, canWriteTrad, deviceByUdi } from "./access";
import { findOrCreateDevice } from "./devices";
import { recordTradEvent } from "./events";
import { parseLicenseValue } from "./formats/license-file";
import type { IssuedFile } from "./fulfill-pak";
import { activeLines, insertLicenseLines, licenseValueOf, type NewLine, storeLicenseFile, type TradLine } from "./license-lines";
import { queueLicenseMail } from "./mail";
import { TRAD_MSG } from "./messages";
import { pidSchema, sameUdi, snSchema } from "./udi";

/** S-57 fields (V-58, V-59). */
export const rmaSchema = z.object({
  failedPid: pidSchema,
  failedSn: snSchema,
  replacementPid: pidSchema,
  replacementSn: snSchema,
  rmaNumber: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{0,20}$/, TRAD_MSG.rmaNumber)
    .nullish()
    .transform((v) => v || null),
});
export type RmaInput = z.input<typeof rmaSchema>;

/** W-46 steps 1–2 (also S-57 `STEP 2 Review`): the failed device's ACTIVE lines, after the V-58 checks. */
export async function rmaReview(db: DbOrTx, ctx: AccessContext, raw: RmaInput, opts: { forUpdate?: boolean } = {}) {
  const input = rmaSchema.parse(raw);
  const failedUdi = { pid: input.failedPid, sn: input.failedSn };
  const replacementUdi = { pid: input.replacementPid, sn: input.replacementSn };
  const failed = await deviceByUdi(db, failedUdi, { forUpdate: opts.forUpdate });
  if (!failed || !canSeeTrad(ctx, failed)) throw new ValidationError(TRAD_MSG.rmaNoLicenses, "failedSn");
  if (!canWriteTrad(ctx, failed)) throw new ForbiddenError();
  const lines = (await activeLines(db, failed.id, opts)).filter((l) => l.lineText);
  if (lines.length === 0) throw new ValidationError(TRAD_MSG.rmaNoLicenses, "failedSn");
  if (sameUdi(failedUdi, replacementUdi)) throw new ValidationError(TRAD_MSG.rmaSameDevice, "replacementSn");
  const replacement = await deviceByUdi(db, replacementUdi);
  if (replacement) {
    const held = new Set((await activeLines(db, replacement.id)).map((l) => l.feature.toLowerCase()));
    const clash = lines.find((l) => held.has(l.feature.toLowerCase()));
    if (clash) throw new ValidationError(TRAD_MSG.rmaFeatureHeld(clash.feature), "replacementSn");
  }
  return { input, failed, lines };
}

/** The same line for another device: same feature, version, type, count and dates. */
function sameLine(l: TradLine): NewLine {
  const spec = parseLicenseValue(licenseValueOf(l));
  return {
    feature: l.feature,
    version: l.version,
    type: l.type === "EXTENSION" ? "EVALUATION" : l.type,
    count: l.count,
    start: spec.start,
    expiresAt: l.expiresAt,
    pakLineId: l.pakLineId,
    comment: l.comment,
  };
}

/**
 * W-46: identical lines for the replacement, the failed device's lines `RMA_REPLACED`, an RMA
 * request in `LICENSES_ISSUED` with its F-11 file, mailed to the user. Events E-108, E-105.
 */
export async function replaceRmaDevice(tx: Tx, ctx: AccessContext, actor: Actor, raw: RmaInput): Promise<IssuedFile> {
  const { input, failed, lines } = await rmaReview(tx, ctx, raw, { forUpdate: true });
  if (lines.some((l) => l.status !== "ACTIVE")) throw new ValidationError(STALE_ITEM);
  const at = now();
  await tx.update(tradLicenseLines).set({ status: "RMA_REPLACED" }).where(inArray(tradLicenseLines.id, lines.map((l) => l.id)));
  const { device } = await findOrCreateDevice(
    tx,
    ctx,
    actor,
    { pid: input.replacementPid, sn: input.replacementSn },
    { productFamily: failed.productFamily, smartAccountId: failed.smartAccountId, virtualAccountId: failed.virtualAccountId },
    at,
  );
  const key = await currentSigningKey(tx);
  const issued = await insertLicenseLines(tx, key, device, lines.map(sameLine), { at, issuedBy: ctx.user.id });
  const file = await storeLicenseFile(tx, device, issued, "RMA", { at, emailedTo: [ctx.user.email] });
  const src = `${failed.udiPid}:${failed.udiSn}`;
  const dst = `${device.udiPid}:${device.udiSn}`;
  await queueLicenseMail(tx, [ctx.user.email], file, dst);
  const [rma] = await tx
    .insert(rmaRequests)
    .values({ failedDeviceId: failed.id, replacementUdi: dst, rmaNumber: input.rmaNumber, status: "LICENSES_ISSUED", fileId: file.id, createdAt: at })
    .returning({ id: rmaRequests.id });
  await recordTradEvent(tx, {
    type: "E-105",
    params: { src, dst, rma: input.rmaNumber ? ` (RMA ${input.rmaNumber})` : "" },
    actor,
    data: { rmaId: rma.id, deviceId: failed.id, udi: src, destDeviceId: device.id, destUdi: dst, fileId: file.id },
    occurredAt: at,
  });
  return { fileId: file.id, fileName: file.fileName, deviceId: device.id };
}
