import { and, asc, desc, eq, exists, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { conversionLines, conversions, licenseDefinitions, pakLines, paks, virtualAccounts } from "@/db/schema";
import { type AccessContext, assertCan } from "@/lib/access/context";
import { NotFoundError, STALE_ITEM, ValidationError } from "@/lib/access/errors";
import { now } from "@/lib/clock";
import { type Actor, recordEvent } from "@/lib/events/record";
import { conversionScope, conversionTargets } from "./access";
import { depositConvertedLicenses, depositList } from "./deposit";
import { conversionListWhere, listPage, pageWithVaName } from "./list";
import { CONVERSION_MSG } from "./messages";
import { availableOf, pakStatus, type PakStatus, sumQuantities } from "@/lib/traditional/pak-status";
import { type ConversionListFilter, type ConvertPakInput, convertPakSchema } from "./schemas";

export type PakRow = {
  id: string;
  pak: string;
  skus: string[];
  orderNumber: string | null;
  orderDate: string | null;
  virtualAccount: string | null;
  status: PakStatus;
  /** `Convert to Smart Licenses` is offered only while a line with a smart equivalent has units left. */
  convertible: boolean;
};

type PakLineRow = typeof pakLines.$inferSelect;

const isConvertible = (l: PakLineRow) => l.licenseDefinitionId !== null && availableOf(l) > 0;

/** S-21: the PAKs assigned to the Smart Account (VA roles: those of their VAs), newest order first. */
export async function listConvertiblePaks(db: DbOrTx, ctx: AccessContext, f: ConversionListFilter) {
  const { vaIds } = await conversionScope(db, ctx, f.sa);
  const where = conversionListWhere(paks, vaIds, f, (like) =>
    or(
      ilike(paks.pak, like),
      ilike(paks.orderNumber, like),
      ilike(virtualAccounts.name, like),
      exists(db.select({ one: sql`1` }).from(pakLines).where(and(eq(pakLines.pakId, paks.id), ilike(pakLines.sku, like)))),
    ),
  );
  const { rows: page, total } = await pageWithVaName(db, paks, where, [desc(paks.orderDate), asc(paks.pak)], f);
  const lines = page.length
    ? await db.select().from(pakLines).where(inArray(pakLines.pakId, page.map((p) => p.row.id))).orderBy(asc(pakLines.id))
    : [];
  const rows: PakRow[] = page.map(({ row: pak, vaName }) => {
    const mine = lines.filter((l) => l.pakId === pak.id).sort((a, b) => a.sku.localeCompare(b.sku));
    return {
      id: pak.id,
      pak: pak.pak,
      skus: mine.map((l) => `${l.sku} (${l.qtyOrdered})`),
      orderNumber: pak.orderNumber,
      orderDate: pak.orderDate,
      virtualAccount: vaName,
      status: pakStatus(sumQuantities(mine)),
      convertible: mine.some(isConvertible),
    };
  });
  return listPage(rows, total, f);
}

/** A PAK of a Smart Account the user reads (V-50: someone else's PAK is not found). */
async function requirePak(db: DbOrTx, ctx: AccessContext, pakId: string) {
  const [pak] = await db.select().from(paks).where(eq(paks.id, pakId));
  if (!pak?.smartAccountId) throw new NotFoundError();
  const { vaIds, smartAccount } = await conversionScope(db, ctx, pak.smartAccountId);
  if (vaIds && !(pak.virtualAccountId && vaIds.includes(pak.virtualAccountId))) throw new NotFoundError();
  return { pak, smartAccount };
}

/** `{feature_or_short} ({display}) {version}`, e.g. `ISE_PLUS (ISE Plus License) 1.0` (S-21). */
export function licensesLabel(def: { featureName: string | null; shortTag: string; description: string; displayName: string }, version: string) {
  return `${def.featureName ?? def.shortTag} (${def.description || def.displayName}) ${version}`;
}

export type PakWizardLine = {
  pakLineId: string;
  sku: string;
  licenses: string;
  type: "Perpetual" | "Term";
  expirationDate: string | null;
  available: number;
};

/** What the `Convert to Smart Software Licenses` wizard shows for one PAK (S-21). */
export async function pakConversionDetails(db: DbOrTx, ctx: AccessContext, pakId: string) {
  const { pak, smartAccount } = await requirePak(db, ctx, pakId);
  const [pakVa] = pak.virtualAccountId ? await db.select().from(virtualAccounts).where(eq(virtualAccounts.id, pak.virtualAccountId)) : [];
  const targets = await conversionTargets(db, ctx, smartAccount.id);
  const rows = await db
    .select({ line: pakLines, def: licenseDefinitions })
    .from(pakLines)
    .innerJoin(licenseDefinitions, eq(licenseDefinitions.id, pakLines.licenseDefinitionId))
    .where(eq(pakLines.pakId, pak.id))
    .orderBy(asc(pakLines.sku), asc(pakLines.id));
  const lines: PakWizardLine[] = rows.map(({ line, def }) => ({
    pakLineId: line.id,
    sku: line.sku,
    licenses: licensesLabel(def, line.featureVersion),
    type: line.licenseType === "TERM" ? "Term" : "Perpetual",
    expirationDate: line.termEnd,
    available: availableOf(line),
  }));
  const usableDefault = pakVa && !pakVa.deletedAt && targets.some((t) => t.id === pakVa.id) ? pakVa.id : null;
  return {
    pak: { id: pak.id, pak: pak.pak, partialFulfillment: pak.partialFulfillment, virtualAccount: pakVa?.name ?? null },
    targets,
    defaultDestinationId: usableDefault ?? targets.find((t) => t.isDefault)?.id ?? null,
    lines,
  };
}

export type PakConversionResult = { conversionId: string; quantity: number; virtualAccount: string };

/**
 * W-19: in one transaction, under a lock on the PAK's lines (V-3), adds each quantity to
 * `qty_converted` (INV-10), deposits a PAK_CONVERSION lot with its ledger row, records D-18
 * (source PAK, method PAK_WIZARD) with its lines, and writes E-40.
 */
export async function convertPak(tx: Tx, ctx: AccessContext, actor: Actor, raw: ConvertPakInput): Promise<PakConversionResult> {
  const input = convertPakSchema.parse(raw);
  const { pak, smartAccount } = await requirePak(tx, ctx, input.pakId);
  const [dest] = await tx
    .select()
    .from(virtualAccounts)
    .where(and(eq(virtualAccounts.id, input.destinationVaId), isNull(virtualAccounts.deletedAt)));
  if (!dest || dest.smartAccountId !== smartAccount.id) throw new NotFoundError();
  assertCan(ctx, "license.convert", { saId: smartAccount.id, vaId: dest.id });

  const locked = await tx.select().from(pakLines).where(eq(pakLines.pakId, pak.id)).orderBy(asc(pakLines.id)).for("update");
  const convertible = locked.filter((l) => l.licenseDefinitionId !== null);
  const available = new Map(convertible.map((l) => [l.id, availableOf(l)]));
  if ([...available.values()].every((n) => n === 0)) throw new ValidationError(CONVERSION_MSG.nothingLeft);

  const requested = new Map<string, number>();
  for (const line of input.lines) {
    const left = available.get(line.pakLineId);
    if (left === undefined) throw new NotFoundError();
    if (line.available !== left) throw new ValidationError(STALE_ITEM);
    if (line.quantity > left) throw new ValidationError(CONVERSION_MSG.quantity(left), `lines.${line.pakLineId}`);
    requested.set(line.pakLineId, line.quantity);
  }
  if (!pak.partialFulfillment && convertible.some((l) => (requested.get(l.id) ?? 0) !== available.get(l.id))) {
    throw new ValidationError(CONVERSION_MSG.partialNotAllowed);
  }
  if (![...requested.values()].some((q) => q > 0)) throw new ValidationError(CONVERSION_MSG.atLeastOne);

  const at = now();
  const userId = actor.kind === "user" ? actor.userId : null;
  const chosen = convertible.filter((l) => (requested.get(l.id) ?? 0) > 0);
  const defs = await tx
    .select({ id: licenseDefinitions.id, name: licenseDefinitions.displayName })
    .from(licenseDefinitions)
    .where(inArray(licenseDefinitions.id, chosen.map((l) => l.licenseDefinitionId!)));
  const nameOf = new Map(defs.map((d) => [d.id, d.name]));

  const [conversion] = await tx
    .insert(conversions)
    .values({
      smartAccountId: smartAccount.id,
      virtualAccountId: dest.id,
      source: "PAK",
      method: "PAK_WIZARD",
      pak: pak.pak,
      productFamily: chosen[0].productFamily || null,
      status: "CONVERTED",
      initiatedBy: userId,
      initiatedAt: at,
      completedAt: at,
    })
    .returning({ id: conversions.id });

  let total = 0;
  const deposited: { quantity: number; license: string }[] = [];
  for (const line of chosen) {
    const q = requested.get(line.id)!;
    total += q;
    await tx
      .update(pakLines)
      .set({ qtyConverted: sql`${pakLines.qtyConverted} + ${q}` })
      .where(eq(pakLines.id, line.id));
    await depositConvertedLicenses(tx, {
      smartAccountId: smartAccount.id,
      virtualAccountId: dest.id,
      licenseDefinitionId: line.licenseDefinitionId!,
      quantity: q,
      source: "PAK_CONVERSION",
      sourceRef: pak.pak,
      sku: line.sku,
      licenseType: line.licenseType === "TERM" ? "TERM" : "PERPETUAL",
      endDate: line.termEnd,
      pak: pak.pak,
      userId,
      at,
    });
    await tx.insert(conversionLines).values({
      conversionId: conversion.id,
      sku: line.sku,
      productFamily: line.productFamily,
      quantity: q,
      type: line.licenseType === "TERM" ? "Term" : "Perpetual",
      status: "Converted",
      licenseDefinitionId: line.licenseDefinitionId,
    });
    deposited.push({ quantity: q, license: nameOf.get(line.licenseDefinitionId!) ?? line.sku });
  }

  await recordEvent(tx, {
    type: "E-40",
    params: { qty: total, pak: pak.pak, va: dest.name, list: depositList(deposited) },
    actor,
    smartAccountId: smartAccount.id,
    virtualAccountId: dest.id,
    licenseDefinitionId: chosen.length === 1 ? chosen[0].licenseDefinitionId : null,
    conversionId: conversion.id,
    occurredAt: at,
    data: { pak: pak.pak, conversionId: conversion.id },
  });
  return { conversionId: conversion.id, quantity: total, virtualAccount: dest.name };
}
