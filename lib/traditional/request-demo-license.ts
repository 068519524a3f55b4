import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx, Tx } from "@/db/client";
import { skuMap, tradLicenseLines } from "@/db/schema";
import type { AccessContext } from "@/lib/access/context";
import { ValidationError } from "@/lib/access/errors";
import { addDays, now } from "@/lib/clock";
import type { Actor } from "@/lib/events/record";
import { currentSigningKey } from "@/lib/signing/keys";
import { findOrCreateDevice } from "./devices";
import { recordTradEvent } from "./events";
import type { IssuedFile } from "./fulfill-pak";
import { EVALUATION_DAYS, insertLicenseLines, storeLicenseFile } from "./license-lines";
import { TRAD_MSG } from "./messages";
import { pidSchema, snSchema } from "./udi";

/** S-59 choices: product families and their features whose D-27 `sku_map` row allows evaluation. */
export async function evaluationFeatures(db: DbOrTx): Promise<{ productFamily: string; feature: string; version: string }[]> {
  const rows = await db
    .selectDistinct({ productFamily: skuMap.productFamily, feature: skuMap.featureName, version: skuMap.featureVersion })
    .from(skuMap)
    .where(eq(skuMap.evalAllowed, true))
    .orderBy(asc(skuMap.productFamily), asc(skuMap.featureName));
  return rows;
}

export const demoLicenseSchema = z.object({
  productFamily: z.string().trim().min(1, TRAD_MSG.familyRequired),
  feature: z.string().trim().min(1, TRAD_MSG.featureRequired),
  pid: pidSchema,
  sn: snSchema,
  acceptTerms: z.literal(true, { message: TRAD_MSG.terms }),
});
export type DemoLicenseInput = z.input<typeof demoLicenseSchema>;

/**
 * W-44: one EVALUATION line of 60 days (1440 hours, `TRIAL`, `DEMO` lock) for a feature that
 * `sku_map` offers for evaluation; at most one per feature and UDI, whatever became of the first
 * (V-55). Events E-108 (new device) and E-102.
 */
export async function requestDemoLicense(tx: Tx, ctx: AccessContext, actor: Actor, raw: DemoLicenseInput): Promise<IssuedFile> {
  if (raw.acceptTerms !== true) throw new ValidationError(TRAD_MSG.terms, "acceptTerms");
  const input = demoLicenseSchema.parse(raw);
  const [offer] = await tx
    .select()
    .from(skuMap)
    .where(and(eq(skuMap.productFamily, input.productFamily), eq(skuMap.featureName, input.feature), eq(skuMap.evalAllowed, true)))
    .limit(1);
  if (!offer) throw new ValidationError(TRAD_MSG.notEvaluable(input.feature), "feature");

  const at = now();
  const { device } = await findOrCreateDevice(tx, ctx, actor, { pid: input.pid, sn: input.sn }, { productFamily: input.productFamily }, at);
  const [earlier] = await tx
    .select({ id: tradLicenseLines.id })
    .from(tradLicenseLines)
    .where(
      and(
        eq(tradLicenseLines.deviceId, device.id),
        eq(tradLicenseLines.type, "EVALUATION"),
        sql`lower(${tradLicenseLines.feature}) = ${offer.featureName.toLowerCase()}`,
      ),
    )
    .limit(1);
  if (earlier) throw new ValidationError(TRAD_MSG.demoAgain(offer.featureName), "feature");

  const key = await currentSigningKey(tx);
  const issued = await insertLicenseLines(
    tx,
    key,
    device,
    [{ feature: offer.featureName, version: offer.featureVersion, type: "EVALUATION", count: null, expiresAt: addDays(at, EVALUATION_DAYS), pakLineId: null }],
    { at, issuedBy: ctx.user.id },
  );
  const file = await storeLicenseFile(tx, device, issued, "DEMO", { at });
  await recordTradEvent(tx, {
    type: "E-102",
    params: { feature: offer.featureName, pid: device.udiPid, sn: device.udiSn },
    actor,
    data: { deviceId: device.id, udi: `${device.udiPid}:${device.udiSn}`, fileId: file.id, feature: offer.featureName },
    occurredAt: at,
  });
  return { fileId: file.id, fileName: file.fileName, deviceId: device.id };
}
