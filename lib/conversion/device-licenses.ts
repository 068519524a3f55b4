import { and, asc, eq, exists, ilike, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import {
  conversionLines,
  conversions,
  licenseDefinitions,
  pakLines,
  paks,
  skuMap,
  smartAccounts,
  tradDevices,
  tradLicenseLines,
  virtualAccounts,
} from "@/db/schema";
import { type AccessContext, assertCan, requireVirtualAccount } from "@/lib/access/context";
import { NotFoundError, STALE_ITEM, ValidationError } from "@/lib/access/errors";
import { now } from "@/lib/clock";
import { type Actor, recordEvent } from "@/lib/events/record";
import { udiListForm, udiTradForm } from "@/lib/formats/udi";
import { udiText } from "@/lib/inventory/display-name";
import { conversionScope, conversionTargets } from "./access";
import { depositConvertedLicenses, depositList } from "./deposit";
import { conversionListWhere, listPage, pageWithVaName } from "./list";
import { CONVERSION_MSG } from "./messages";
import { type ConversionListFilter, type ConvertDeviceInput, convertDeviceSchema, type DeviceLookup } from "./schemas";

type TradDevice = typeof tradDevices.$inferSelect;

/** W-20 eligibility: an ACTIVE line whose PAK line has a smart equivalent. */
const eligibleLine = and(eq(tradLicenseLines.status, "ACTIVE"), isNotNull(pakLines.licenseDefinitionId));

const deviceIdentifierSql = sql<string>`('UDI_PID:' || ${tradDevices.udiPid} || '; UDI_SN:' || ${tradDevices.udiSn} || ';')`;

/** A line's quantity on the device: its count, or 1 for an uncounted (node-locked) license. */
const lineQuantity = (l: { count: number | null }) => l.count ?? 1;

export type ConvertibleDeviceRow = {
  id: string;
  deviceIdentifier: string;
  udiPid: string;
  udiSn: string;
  productFamily: string;
  eligibleSkus: string[];
  virtualAccount: string | null;
};

/** S-22: traditional devices of the Smart Account (VA roles: of their VAs) that still have eligible lines. */
export async function listConvertibleDevices(db: DbOrTx, ctx: AccessContext, f: ConversionListFilter) {
  const { vaIds } = await conversionScope(db, ctx, f.sa);
  const hasEligible = exists(
    db
      .select({ one: sql`1` })
      .from(tradLicenseLines)
      .innerJoin(pakLines, eq(pakLines.id, tradLicenseLines.pakLineId))
      .where(and(eq(tradLicenseLines.deviceId, tradDevices.id), eligibleLine)),
  );
  const where = conversionListWhere(
    tradDevices,
    vaIds,
    f,
    (like) => or(ilike(deviceIdentifierSql, like), ilike(tradDevices.productFamily, like), ilike(virtualAccounts.name, like)),
    hasEligible,
  );
  const { rows: page, total } = await pageWithVaName(db, tradDevices, where, [asc(tradDevices.udiPid), asc(tradDevices.udiSn)], f);
  const skus = page.length
    ? await db
        .selectDistinct({ deviceId: tradLicenseLines.deviceId, sku: pakLines.sku })
        .from(tradLicenseLines)
        .innerJoin(pakLines, eq(pakLines.id, tradLicenseLines.pakLineId))
        .where(and(inArray(tradLicenseLines.deviceId, page.map((p) => p.row.id)), eligibleLine))
    : [];
  const rows: ConvertibleDeviceRow[] = page.map(({ row: device, vaName }) => ({
    id: device.id,
    deviceIdentifier: udiListForm(device),
    udiPid: device.udiPid,
    udiSn: device.udiSn,
    productFamily: device.productFamily,
    eligibleSkus: skus.filter((s) => s.deviceId === device.id).map((s) => s.sku).sort(),
    virtualAccount: vaName,
  }));
  return listPage(rows, total, f);
}

/** S-22 STEP 1 `Product Family` choices: the families that have a smart equivalent (D-27), plus those of the listed devices. */
export async function conversionFamilies(db: DbOrTx, ctx: AccessContext, saId: string): Promise<string[]> {
  await conversionScope(db, ctx, saId);
  const mapped = await db.selectDistinct({ family: skuMap.productFamily }).from(skuMap).where(isNotNull(skuMap.licenseDefinitionId));
  const devices = await db.selectDistinct({ family: tradDevices.productFamily }).from(tradDevices).where(eq(tradDevices.smartAccountId, saId));
  return [...new Set([...mapped, ...devices].map((r) => r.family).filter(Boolean))].sort((a, b) => a.localeCompare(b));
}

export type DeviceWizardLine = {
  lineId: string;
  sku: string;
  feature: string;
  type: "Perpetual" | "Term";
  termDate: string | null;
  available: number;
};

async function eligibleLinesOf(db: DbOrTx, deviceId: string): Promise<DeviceWizardLine[]> {
  const rows = await db
    .select({ line: tradLicenseLines, pakLine: pakLines })
    .from(tradLicenseLines)
    .innerJoin(pakLines, eq(pakLines.id, tradLicenseLines.pakLineId))
    .where(and(eq(tradLicenseLines.deviceId, deviceId), eligibleLine))
    .orderBy(asc(pakLines.sku), asc(tradLicenseLines.id));
  return rows.map(({ line, pakLine }) => ({
    lineId: line.id,
    sku: pakLine.sku,
    feature: line.feature,
    type: pakLine.licenseType === "TERM" ? "Term" : "Perpetual",
    termDate: pakLine.termEnd ?? (line.expiresAt ? line.expiresAt.toISOString().slice(0, 10) : null),
    available: lineQuantity(line),
  }));
}

function wizardData(device: TradDevice, lines: DeviceWizardLine[], targets: Awaited<ReturnType<typeof conversionTargets>>) {
  const defaultDestinationId =
    (device.virtualAccountId && targets.find((t) => t.id === device.virtualAccountId)?.id) || targets.find((t) => t.isDefault)?.id || null;
  return {
    device: {
      id: device.id,
      udiPid: device.udiPid,
      udiSn: device.udiSn,
      productFamily: device.productFamily,
      deviceIdentifier: udiListForm(device),
    },
    lines,
    targets,
    defaultDestinationId,
  };
}

/** S-22 STEP 1 → 2: the device of this Smart Account with that UDI (and family), and its eligible lines. */
export async function findDeviceForConversion(db: DbOrTx, ctx: AccessContext, lookup: DeviceLookup) {
  const { vaIds } = await conversionScope(db, ctx, lookup.sa);
  const udi = udiTradForm({ udiPid: lookup.pid, udiSn: lookup.sn });
  const [device] = await db
    .select()
    .from(tradDevices)
    .where(
      and(
        eq(tradDevices.smartAccountId, lookup.sa),
        sql`lower(${tradDevices.udiPid}) = lower(${lookup.pid})`,
        sql`lower(${tradDevices.udiSn}) = lower(${lookup.sn})`,
      ),
    );
  const familyMatches = !lookup.family || device?.productFamily.toLowerCase() === lookup.family.toLowerCase();
  const visible = device && (!vaIds || (device.virtualAccountId !== null && vaIds.includes(device.virtualAccountId)));
  const lines = device && familyMatches && visible ? await eligibleLinesOf(db, device.id) : [];
  if (!device || lines.length === 0) throw new ValidationError(CONVERSION_MSG.deviceNotFound(udi));
  return wizardData(device, lines, await conversionTargets(db, ctx, lookup.sa));
}

/**
 * The device a W-20 may read: from S-22 one assigned to a Smart Account the user reads (VA roles:
 * in their VA); from Traditional (LRP) also one the user owns. Anything else is not found (D-3).
 */
async function requireConvertibleDevice(db: DbOrTx, ctx: AccessContext, deviceId: string, method: "DEVICE_WIZARD" | "LRP") {
  const [device] = await db.select().from(tradDevices).where(eq(tradDevices.id, deviceId));
  if (!device) throw new NotFoundError();
  if (method === "LRP" && device.ownerUserId === ctx.user.id) return device;
  if (!device.smartAccountId) throw new NotFoundError();
  const { vaIds } = await conversionScope(db, ctx, device.smartAccountId);
  if (vaIds && !(device.virtualAccountId && vaIds.includes(device.virtualAccountId))) throw new NotFoundError();
  return device;
}

/**
 * S-54 `Convert to Smart Entitlements`: the device header, its eligible lines and the VAs to convert
 * into — of the device's Smart Account, or (for a device not assigned to one) of `fallbackSaId`,
 * the Smart Account the Traditional workspace shows.
 */
export async function tradDeviceConversionDetails(db: DbOrTx, ctx: AccessContext, deviceId: string, fallbackSaId?: string) {
  const device = await requireConvertibleDevice(db, ctx, deviceId, "LRP");
  const saId = device.smartAccountId ?? fallbackSaId;
  let smartAccount: { id: string; name: string } | null = null;
  let targets: Awaited<ReturnType<typeof conversionTargets>> = [];
  if (saId) {
    const { smartAccount: sa } = await conversionScope(db, ctx, saId);
    smartAccount = { id: sa.id, name: sa.name };
    targets = await conversionTargets(db, ctx, sa.id);
  }
  return { ...wizardData(device, await eligibleLinesOf(db, device.id), targets), smartAccount };
}

export type DeviceConversionResult = { conversionId: string; quantity: number; virtualAccount: string };

/**
 * W-20, from S-22 (`DEVICE_WIZARD`) or Traditional S-54 (`LRP`): under a lock on the device's lines
 * (V-3), each chosen ACTIVE line becomes CONVERTED and its PAK line moves the quantity from
 * `qty_fulfilled` to `qty_converted` (INV-10); a DEVICE_CONVERSION lot and ledger row per line;
 * D-18 (source DEVICE); E-41, and E-109 when started from Traditional.
 */
export async function convertDeviceLicenses(
  tx: Tx,
  ctx: AccessContext,
  actor: Actor,
  raw: ConvertDeviceInput,
  method: "DEVICE_WIZARD" | "LRP",
): Promise<DeviceConversionResult> {
  const input = convertDeviceSchema.parse(raw);
  const device = await requireConvertibleDevice(tx, ctx, input.deviceId, method);
  const dest = await requireVirtualAccount(tx, ctx, input.destinationVaId);
  if (device.smartAccountId && dest.smartAccountId !== device.smartAccountId) throw new NotFoundError();
  assertCan(ctx, "license.convert", { saId: dest.smartAccountId, vaId: dest.id });

  const locked = await tx
    .select({ line: tradLicenseLines, pakLine: pakLines })
    .from(tradLicenseLines)
    .leftJoin(pakLines, eq(pakLines.id, tradLicenseLines.pakLineId))
    .where(eq(tradLicenseLines.deviceId, device.id))
    .orderBy(asc(tradLicenseLines.id))
    .for("update", { of: tradLicenseLines });
  const byId = new Map(locked.map((r) => [r.line.id, r]));
  const chosen: { line: typeof tradLicenseLines.$inferSelect; pakLine: typeof pakLines.$inferSelect; quantity: number }[] = [];
  for (const l of input.lines) {
    const row = byId.get(l.lineId);
    if (!row) throw new NotFoundError();
    if (row.line.status !== "ACTIVE" || !row.pakLine?.licenseDefinitionId) throw new ValidationError(STALE_ITEM);
    const n = lineQuantity(row.line);
    if (l.quantity !== 0 && l.quantity !== n) throw new ValidationError(CONVERSION_MSG.wholeLine(n), `lines.${l.lineId}`);
    if (l.quantity > 0 && !chosen.some((c) => c.line.id === l.lineId)) chosen.push({ line: row.line, pakLine: row.pakLine, quantity: n });
  }
  if (chosen.length === 0) throw new ValidationError(CONVERSION_MSG.atLeastOne);

  const at = now();
  const userId = actor.kind === "user" ? actor.userId : null;
  const udi = udiText(device);
  const [sa] = await tx.select().from(smartAccounts).where(eq(smartAccounts.id, dest.smartAccountId));
  const defs = await tx
    .select({ id: licenseDefinitions.id, name: licenseDefinitions.displayName })
    .from(licenseDefinitions)
    .where(inArray(licenseDefinitions.id, chosen.map((c) => c.pakLine.licenseDefinitionId!)));
  const nameOf = new Map(defs.map((d) => [d.id, d.name]));
  const pakOf = new Map(
    (await tx.select({ id: paks.id, pak: paks.pak }).from(paks).where(inArray(paks.id, chosen.map((c) => c.pakLine.pakId)))).map((p) => [p.id, p.pak]),
  );

  const [conversion] = await tx
    .insert(conversions)
    .values({
      smartAccountId: dest.smartAccountId,
      virtualAccountId: dest.id,
      source: "DEVICE",
      method,
      udiPid: device.udiPid,
      udiSn: device.udiSn,
      productFamily: device.productFamily || null,
      status: "CONVERTED",
      initiatedBy: userId,
      initiatedAt: at,
      completedAt: at,
    })
    .returning({ id: conversions.id });

  let total = 0;
  const deposited: { quantity: number; license: string }[] = [];
  for (const { line, pakLine, quantity } of chosen) {
    total += quantity;
    const moved = Math.min(quantity, pakLine.qtyFulfilled);
    await tx.update(tradLicenseLines).set({ status: "CONVERTED" }).where(eq(tradLicenseLines.id, line.id));
    await tx
      .update(pakLines)
      .set({ qtyFulfilled: sql`${pakLines.qtyFulfilled} - ${moved}`, qtyConverted: sql`${pakLines.qtyConverted} + ${moved}` })
      .where(eq(pakLines.id, pakLine.id));
    await depositConvertedLicenses(tx, {
      smartAccountId: dest.smartAccountId,
      virtualAccountId: dest.id,
      licenseDefinitionId: pakLine.licenseDefinitionId!,
      quantity,
      source: "DEVICE_CONVERSION",
      sourceRef: udi,
      sku: pakLine.sku,
      licenseType: pakLine.licenseType === "TERM" ? "TERM" : "PERPETUAL",
      endDate: pakLine.termEnd,
      pak: pakOf.get(pakLine.pakId) ?? null,
      udi,
      userId,
      at,
    });
    await tx.insert(conversionLines).values({
      conversionId: conversion.id,
      sku: pakLine.sku,
      productFamily: pakLine.productFamily,
      quantity,
      type: pakLine.licenseType === "TERM" ? "Term" : "Perpetual",
      status: "Converted",
      licenseDefinitionId: pakLine.licenseDefinitionId,
      udiPid: device.udiPid,
      udiSn: device.udiSn,
    });
    deposited.push({ quantity, license: nameOf.get(pakLine.licenseDefinitionId!) ?? pakLine.sku });
  }

  const data = { conversionId: conversion.id, deviceId: device.id, udi };
  await recordEvent(tx, {
    type: "E-41",
    params: { udi, va: dest.name, list: depositList(deposited) },
    actor,
    smartAccountId: dest.smartAccountId,
    virtualAccountId: dest.id,
    licenseDefinitionId: chosen.length === 1 ? chosen[0].pakLine.licenseDefinitionId : null,
    conversionId: conversion.id,
    occurredAt: at,
    data,
  });
  if (method === "LRP") {
    await recordEvent(tx, {
      type: "E-109",
      params: { udi: udiTradForm(device), sa: sa.name, va: dest.name },
      actor,
      workspace: "TRAD",
      conversionId: conversion.id,
      occurredAt: at,
      data: { ...data, smartAccountId: dest.smartAccountId, virtualAccountId: dest.id },
    });
  }
  return { conversionId: conversion.id, quantity: total, virtualAccount: dest.name };
}

