import { and, asc, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import {
  conversionLines,
  conversions,
  licenseDefinitions,
  pakLines,
  productMap,
  skuMap,
  tradDevices,
  tradLicenseLines,
  virtualAccounts,
} from "@/db/schema";
import { now } from "@/lib/clock";
import { recordEvent, SYSTEM } from "@/lib/events/record";
import { PID_PATTERN, SN_PATTERN } from "@/lib/formats/udi";
import { udiText } from "@/lib/inventory/display-name";
import { depositConvertedLicenses, depositList } from "./deposit";

const dlcLineSchema = z.object({
  conversion_type: z.enum(["PAK", "RTU"]),
  conversion_encoding_type: z.string().max(40).optional(),
  conversion_string: z.string().min(1).max(1000),
  conversion_count: z.number().int().min(1).max(1_000_000),
  sku: z.string().min(1).max(100).optional(),
  feature_name: z.string().min(1).max(200).optional(),
  license_type: z.string().max(40).optional(),
  entitlement_tag: z.string().min(1).max(500).optional(),
});

export type DlcReportInput = {
  sudi: { udi_pid: string; udi_serial_number: string };
  software_tag_identifier?: string;
  conversion_lines: z.infer<typeof dlcLineSchema>[];
};

/** F-1.5 `DLCReport` JSON (unknown keys are ignored). */
export const dlcReportSchema: z.ZodType<DlcReportInput> = z.object({
  sudi: z.object({ udi_pid: z.string().regex(PID_PATTERN), udi_serial_number: z.string().regex(SN_PATTERN) }),
  software_tag_identifier: z.string().max(500).optional(),
  conversion_lines: z.array(dlcLineSchema).min(1).max(1000),
});

export type DlcAckEntry = {
  udi: { udi_pid: string; udi_serial_number: string };
  conversion_id: string | null;
  status: "SUCCESS" | "FAILED";
  lines: { conversion_string: string; status: "Converted" | "Failed" | "Already converted"; smart_license: string | null }[];
};

type DlcLine = DlcReportInput["conversion_lines"][number];
type Definition = { id: string; name: string };

/** F-16: a `.` where the comma before the version belongs is read as `,`. */
function tagVariants(tag: string): string[] {
  const fixed = tag.replace(/^(regid\.\d{4}-\d{2}\.com\.cisco\.[A-Za-z0-9_.+-]+?)\.(\d+(?:\.\d+)*_[0-9a-f-]{36})$/, "$1,$2");
  return [...new Set([tag, fixed])];
}

const featureOf = (line: DlcLine) => line.feature_name ?? line.conversion_string;
const isTerm = (line: DlcLine) => /^(term|subscription)$/i.test(line.license_type ?? "");

/**
 * W-21 steps 2–6 for one `DLCReport`, inside the caller's transaction (the usage-ingest chunk, the
 * device API or a relay). Lines already converted for this UDI create nothing and report
 * `Already converted`; new mapped lines deposit DLC lots and convert the device's traditional lines
 * of the same feature (INV-10); unmapped lines fail. A report with only already-converted lines
 * writes no D-18 row and no event and answers with the original conversion.
 */
export async function applyDlcReport(
  tx: Tx,
  args: { smartAccountId: string; virtualAccountId: string; productInstanceId: string | null; report: DlcReportInput; receivedAt: Date },
): Promise<DlcAckEntry> {
  const report = dlcReportSchema.parse(args.report);
  const udiPid = report.sudi.udi_pid;
  const udiSn = report.sudi.udi_serial_number;
  const udi = udiText({ udiPid, udiSn });
  const ackUdi = { udi_pid: udiPid, udi_serial_number: udiSn };
  // One DLC at a time per UDI, so the idempotency check below cannot race (D-18).
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`dlc:${udiPid.toLowerCase()}:${udiSn.toLowerCase()}`}))`);

  const earlier = await tx
    .select({ conversionString: conversionLines.conversionString, conversionId: conversions.id, licenseName: licenseDefinitions.displayName })
    .from(conversionLines)
    .innerJoin(conversions, eq(conversions.id, conversionLines.conversionId))
    .leftJoin(licenseDefinitions, eq(licenseDefinitions.id, conversionLines.licenseDefinitionId))
    .where(
      and(
        eq(conversionLines.status, "Converted"),
        isNotNull(conversionLines.conversionString),
        sql`lower(${conversionLines.udiPid}) = lower(${udiPid})`,
        sql`lower(${conversionLines.udiSn}) = lower(${udiSn})`,
      ),
    )
    .orderBy(desc(conversions.initiatedAt), desc(conversions.createdAt));
  const converted = new Map<string, { conversionId: string; licenseName: string | null }>();
  for (const e of earlier) if (!converted.has(e.conversionString!)) converted.set(e.conversionString!, e);

  const [va] = await tx.select().from(virtualAccounts).where(eq(virtualAccounts.id, args.virtualAccountId));
  const [family] = await tx
    .select({ family: productMap.productFamily })
    .from(productMap)
    .where(sql`${udiPid} ~ ${productMap.pidPattern}`)
    .orderBy(asc(productMap.pidPattern))
    .limit(1);
  const [device] = await tx
    .select()
    .from(tradDevices)
    .where(and(sql`lower(${tradDevices.udiPid}) = lower(${udiPid})`, sql`lower(${tradDevices.udiSn}) = lower(${udiSn})`));
  const productFamily = family?.family || device?.productFamily || "";

  type Outcome =
    | { kind: "already"; line: DlcLine; licenseName: string | null }
    | { kind: "mapped"; line: DlcLine; def: Definition }
    | { kind: "failed"; line: DlcLine; reason: string }
    /** The same conversion string twice in one report: the second creates nothing. */
    | { kind: "repeat"; line: DlcLine; of: Outcome };
  const outcomes: Outcome[] = [];
  for (const line of report.conversion_lines) {
    const first = outcomes.find((o) => o.line.conversion_string === line.conversion_string);
    if (first) {
      outcomes.push({ kind: "repeat", line, of: first });
      continue;
    }
    const before = converted.get(line.conversion_string);
    if (before) {
      outcomes.push({ kind: "already", line, licenseName: before.licenseName });
      continue;
    }
    const def = await mapLine(tx, line, productFamily);
    outcomes.push(def ? { kind: "mapped", line, def } : { kind: "failed", line, reason: `No Smart License equivalent for ${featureOf(line)}.` });
  }
  const ackLines = outcomes.map((o): DlcAckEntry["lines"][number] => {
    const conversion_string = o.line.conversion_string;
    const decided = o.kind === "repeat" ? o.of : o;
    if (decided.kind === "failed") return { conversion_string, status: "Failed", smart_license: null };
    if (decided.kind === "mapped") return { conversion_string, status: o.kind === "repeat" ? "Already converted" : "Converted", smart_license: decided.def.name };
    return { conversion_string, status: "Already converted", smart_license: decided.kind === "already" ? decided.licenseName : null };
  });

  const fresh = outcomes.filter((o): o is Extract<Outcome, { kind: "mapped" | "failed" }> => o.kind === "mapped" || o.kind === "failed");
  if (fresh.length === 0) {
    // W-21 step 6: nothing new — no D-18 row, no event; the latest original conversion answers.
    const original = earlier.find((e) => outcomes.some((o) => o.kind === "already" && o.line.conversion_string === e.conversionString));
    return { udi: ackUdi, conversion_id: original?.conversionId ?? null, status: "SUCCESS", lines: ackLines };
  }

  const at = now();
  const mapped = fresh.filter((o) => o.kind === "mapped");
  const [conversion] = await tx
    .insert(conversions)
    .values({
      smartAccountId: args.smartAccountId,
      virtualAccountId: args.virtualAccountId,
      source: "DEVICE",
      method: "DLC",
      udiPid,
      udiSn,
      productFamily: productFamily || null,
      status: mapped.length > 0 ? "CONVERTED" : "FAILED",
      initiatedBy: null,
      initiatedAt: args.receivedAt,
      completedAt: at,
    })
    .returning({ id: conversions.id });

  for (const o of fresh) {
    const sku = o.line.sku ?? "RTU";
    if (o.kind === "mapped") {
      await depositConvertedLicenses(tx, {
        smartAccountId: args.smartAccountId,
        virtualAccountId: args.virtualAccountId,
        licenseDefinitionId: o.def.id,
        quantity: o.line.conversion_count,
        source: "DLC",
        sourceRef: udi,
        sku,
        licenseType: isTerm(o.line) ? "TERM" : "PERPETUAL",
        endDate: null,
        udi,
        userId: null,
        at,
      });
      if (device) await convertTraditionalLines(tx, device.id, featureOf(o.line));
    }
    await tx.insert(conversionLines).values({
      conversionId: conversion.id,
      sku,
      productFamily: "",
      quantity: o.line.conversion_count,
      type: isTerm(o.line) ? "Term" : "Perpetual",
      status: o.kind === "mapped" ? "Converted" : "Failed",
      licenseDefinitionId: o.kind === "mapped" ? o.def.id : null,
      conversionString: o.line.conversion_string,
      udiPid,
      udiSn,
      message: o.kind === "failed" ? o.reason : null,
    });
  }

  const scope = { smartAccountId: args.smartAccountId, virtualAccountId: args.virtualAccountId, conversionId: conversion.id, occurredAt: at };
  await recordEvent(tx, {
    ...scope,
    type: "E-42",
    params: { udi },
    actor: { kind: "device", udi },
    productInstanceId: args.productInstanceId,
  });
  if (mapped.length > 0) {
    await recordEvent(tx, {
      ...scope,
      type: "E-43",
      params: { udi, list: depositList(mapped.map((o) => ({ quantity: o.line.conversion_count, license: o.def.name }))), va: va?.name ?? "" },
      actor: SYSTEM,
    });
  }
  for (const o of fresh) {
    if (o.kind !== "failed") continue;
    await recordEvent(tx, {
      ...scope,
      type: "E-44",
      params: { udi, feature: featureOf(o.line), reason: o.reason.replace(/\.$/, "") },
      actor: SYSTEM,
    });
  }
  return {
    udi: ackUdi,
    conversion_id: conversion.id,
    status: mapped.length > 0 ? "SUCCESS" : "FAILED",
    lines: ackLines,
  };
}

/** W-21 step 2: the line's entitlement tag, else D-27 `sku_map` by (PID family, feature). */
async function mapLine(tx: Tx, line: DlcLine, productFamily: string): Promise<Definition | null> {
  const columns = { id: licenseDefinitions.id, name: licenseDefinitions.displayName };
  if (line.entitlement_tag) {
    const [byTag] = await tx.select(columns).from(licenseDefinitions).where(inArray(licenseDefinitions.entitlementTag, tagVariants(line.entitlement_tag)));
    return byTag ?? null;
  }
  if (!productFamily) return null;
  const rows = await tx
    .select({ ...columns, sku: skuMap.sku })
    .from(skuMap)
    .innerJoin(licenseDefinitions, eq(licenseDefinitions.id, skuMap.licenseDefinitionId))
    .where(and(sql`lower(${skuMap.productFamily}) = lower(${productFamily})`, sql`lower(${skuMap.featureName}) = lower(${featureOf(line)})`))
    .orderBy(asc(skuMap.sku));
  const row = rows.find((r) => line.sku && r.sku === line.sku) ?? rows[0];
  return row ? { id: row.id, name: row.name } : null;
}

/** W-21 step 3: the device's ACTIVE lines of that feature become CONVERTED; PAK quantities move (INV-10). */
async function convertTraditionalLines(tx: Tx, deviceId: string, feature: string): Promise<void> {
  const lines = await tx
    .select({ line: tradLicenseLines, pakLine: pakLines })
    .from(tradLicenseLines)
    .leftJoin(pakLines, eq(pakLines.id, tradLicenseLines.pakLineId))
    .where(and(eq(tradLicenseLines.deviceId, deviceId), eq(tradLicenseLines.status, "ACTIVE"), sql`lower(${tradLicenseLines.feature}) = lower(${feature})`))
    .orderBy(asc(tradLicenseLines.id))
    .for("update", { of: tradLicenseLines });
  for (const { line, pakLine } of lines) {
    await tx.update(tradLicenseLines).set({ status: "CONVERTED" }).where(eq(tradLicenseLines.id, line.id));
    if (!pakLine) continue;
    const moved = Math.min(line.count ?? 1, pakLine.qtyFulfilled);
    if (moved === 0) continue;
    await tx
      .update(pakLines)
      .set({ qtyFulfilled: sql`${pakLines.qtyFulfilled} - ${moved}`, qtyConverted: sql`${pakLines.qtyConverted} + ${moved}` })
      .where(eq(pakLines.id, pakLine.id));
  }
}
