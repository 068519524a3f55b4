import {
  conversionLines,
  conversions,
  licenseLots,
  licenseTransactions,
  pakLines,
  paks,
  tradDevices,
  tradLicenseLines,
} from "@/db/schema";
import { uuidv5 } from "@/lib/ids";
import { FAMILY } from "../catalogue-data";
import { catalogueEntry, licenseId } from "../reference";
import { type SeedContext, userActor } from "./context";
import {
  BU_SA,
  conversionId,
  EG_SA,
  lotId,
  pakId,
  pakLineId,
  saId,
  tradDeviceId,
  transactionId,
  userId,
  vaId,
} from "./ids";

type PakLineSpec = {
  sku: string;
  description: string;
  family: string;
  feature: string;
  allowedPids?: string[];
  /** DD-4 number of the smart equivalent. */
  n: number | null;
  qty: number;
  /** Term end, day offset from T0; absent = perpetual. */
  termEnd?: number;
  fulfilled?: number;
  converted?: number;
};

type PakSpec = {
  pak: string;
  owner: string;
  sa?: string;
  va?: string;
  orderNumber: string;
  day: number;
  partial: boolean;
  lines: PakLineSpec[];
};

const ISE_PLUS = { sku: "C1-ISE-PLS-T", description: "Cisco ISE Plus License, Term", family: FAMILY.ise, feature: "ise-plus", n: 39 };
const ISE_BASE = { sku: "C1-ISE-BASE-T", description: "Cisco ISE Base License, Term", family: FAMILY.ise, feature: "ise-base", n: 40 };

/** DD-9 */
export const DEMO_PAKS: PakSpec[] = [
  { pak: "3300J8A5F21", owner: "eg-admin", sa: EG_SA, va: "CORE TAC", orderNumber: "107325914", day: -300, partial: false, lines: [
    { ...ISE_PLUS, qty: 25, termEnd: 850 },
    { ...ISE_BASE, qty: 25, termEnd: 850 },
  ] },
  { pak: "4XR2K7PQ19B", owner: "eg-admin", sa: EG_SA, va: "CORE TAC", orderNumber: "107326107", day: -250, partial: true, lines: [
    { ...ISE_BASE, qty: 25, termEnd: 850 },
  ] },
  { pak: "2QW9E4R7T5Y", owner: "eg-admin", sa: EG_SA, va: "Eg-VA-02", orderNumber: "107326355", day: -120, partial: true, lines: [
    { sku: "SLASR1-AIS", description: "Cisco ASR 1000 Advanced IP Services", family: FAMILY.asr1k, feature: "advipservices", allowedPids: ["ASR1001-X", "ASR1002-X"], n: 43, qty: 4, converted: 4 },
  ] },
  { pak: "8PL2M6N4B9V", owner: "eg-admin", sa: EG_SA, va: "Eg-VA-02", orderNumber: "107326781", day: -100, partial: true, lines: [
    { sku: "FL-1100-8P-HSEC=", description: "U.S. Export Restriction Compliance license for 1100 Series with 8 LAN Ports", family: FAMILY.isr1100, feature: "hseck9", allowedPids: ["C1111-8P", "C1111-8PLTEEAWB"], n: 2, qty: 2 },
  ] },
  { pak: "7HN4W2C9D3K", owner: "eg-admin", orderNumber: "107327012", day: -180, partial: true, lines: [
    { sku: "L-CSR-5G-SEC=", description: "CSR 1000V Security 5 Gbps Perpetual License", family: FAMILY.csr, feature: "securityk9", allowedPids: ["CSR1000V"], n: 42, qty: 1, fulfilled: 1 },
  ] },
  { pak: "9KD3F7B2W1E", owner: "eg-admin", orderNumber: "107327230", day: -140, partial: true, lines: [
    { sku: "NXOS-AD-XF2", description: "NX-OS Advantage license for Nexus 9000 Series", family: FAMILY.nexus, feature: "NXOS_ADVANTAGE_XF", allowedPids: ["N9K-C93180YC-FX"], n: null, qty: 1 },
  ] },
  { pak: "5MQ8T1ZR6PX", owner: "bu-admin", sa: BU_SA, va: "DEFAULT", orderNumber: "107327466", day: -200, partial: true, lines: [
    { sku: "L-ASR920-10G-2", description: "ASR920 2-port 10GE upgrade license", family: FAMILY.asr920, feature: "10GEupgradelicense", allowedPids: ["ASR-920-12CZ-A", "ASR-920-12CZ-D"], n: null, qty: 2 },
    { sku: "L-ASR920-1G-6", description: "ASR920 6-port 1GE upgrade license", family: FAMILY.asr920, feature: "1GEupgradelicense", allowedPids: ["ASR-920-12CZ-A", "ASR-920-12CZ-D"], n: null, qty: 2 },
  ] },
];

/** The DD-9 conversion of `2QW9E4R7T5Y`: 4 × #43 into Eg-VA-02 at T0−90d by eg-admin. */
const CONVERSION = { pak: "2QW9E4R7T5Y", va: "Eg-VA-02", day: -90, by: "eg-admin" };

type TradLineSpec = {
  feature: string;
  type: "PERMANENT" | "EVALUATION";
  count?: number;
  /** Expiry day offset (evaluation lines). */
  expires?: number;
  fromPak?: [string, number];
  comment?: string;
  issued: number;
};

/** DD-10. License files and line texts are built later (W-43), not seeded. */
export const DEMO_TRAD_DEVICES: {
  pid: string;
  sn: string;
  family: string;
  owner: string;
  sa?: string;
  va?: string;
  lines: TradLineSpec[];
}[] = [
  { pid: "CSR1000V", sn: "9QLBLATKXM4", family: FAMILY.csr, owner: "eg-admin", sa: EG_SA, va: "Eg-VA-01", lines: [
    // W-43: a PAK fulfilment writes the assigned quantity as the count.
    { feature: "securityk9", type: "PERMANENT", count: 1, fromPak: ["7HN4W2C9D3K", 1], issued: -175 },
  ] },
  // In BU Production Test's `Device` VA ("ASR 920 test devices"), so its history row shows to that account's users.
  { pid: "ASR-920-12CZ-A", sn: "CAT1748U1B6", family: FAMILY.asr920, owner: "bu-admin", sa: BU_SA, va: "Device", lines: [
    { feature: "1GEupgradelicense", type: "PERMANENT", count: 1, issued: -380 },
    { feature: "10GEupgradelicense", type: "PERMANENT", count: 2, issued: -380 },
  ] },
  { pid: "CISCO2951", sn: "FHH1211P037", family: FAMILY.isr2900, owner: "eg-admin", lines: [
    { feature: "securityk9", type: "PERMANENT", issued: -350 },
    { feature: "uc", type: "PERMANENT", issued: -350 },
    { feature: "data", type: "EVALUATION", expires: -30, issued: -90 },
  ] },
  { pid: "AS54XM-AC-RPS", sn: "JAE0948QXKD", family: FAMILY.as5400, owner: "eg-admin", lines: [
    { feature: "gsmamrnb-codec-pack", type: "PERMANENT", comment: "Use this permanent license.", issued: -330 },
  ] },
];

export async function seedTraditional(ctx: SeedContext): Promise<void> {
  const { tx } = ctx;
  for (const p of DEMO_PAKS) {
    await tx.insert(paks).values({
      id: pakId(p.pak),
      pak: p.pak,
      type: "STANDARD",
      orderNumber: p.orderNumber,
      orderDate: ctx.day(p.day),
      ownerUserId: userId(p.owner),
      smartAccountId: p.sa ? saId(p.sa) : null,
      virtualAccountId: p.sa && p.va ? vaId(p.sa, p.va) : null,
      partialFulfillment: p.partial,
      createdAt: ctx.at(p.day),
    });
    await tx.insert(pakLines).values(
      p.lines.map((l, i) => ({
        id: pakLineId(p.pak, i + 1),
        pakId: pakId(p.pak),
        sku: l.sku,
        description: l.description,
        productFamily: l.family,
        allowedPids: l.allowedPids ?? [],
        featureName: l.feature,
        licenseDefinitionId: l.n === null ? null : licenseId(l.n),
        licenseType: l.termEnd === undefined ? ("PERPETUAL" as const) : ("TERM" as const),
        termEnd: l.termEnd === undefined ? null : ctx.day(l.termEnd),
        qtyOrdered: l.qty,
        qtyFulfilled: l.fulfilled ?? 0,
        qtyConverted: l.converted ?? 0,
      })),
    );
  }
  await seedPakConversion(ctx);

  for (const d of DEMO_TRAD_DEVICES) {
    const deviceId = tradDeviceId(d.pid, d.sn);
    await tx.insert(tradDevices).values({
      id: deviceId,
      udiPid: d.pid,
      udiSn: d.sn,
      productFamily: d.family,
      ownerUserId: userId(d.owner),
      smartAccountId: d.sa ? saId(d.sa) : null,
      virtualAccountId: d.sa && d.va ? vaId(d.sa, d.va) : null,
      createdAt: ctx.at(Math.min(...d.lines.map((l) => l.issued))),
    });
    await tx.insert(tradLicenseLines).values(
      d.lines.map((l) => ({
        id: uuidv5(`trad-license-line:${d.pid}:${d.sn}:${l.feature}`),
        deviceId,
        pakLineId: l.fromPak ? pakLineId(l.fromPak[0], l.fromPak[1]) : null,
        feature: l.feature,
        type: l.type,
        count: l.count ?? null,
        expiresAt: l.expires === undefined ? null : ctx.at(l.expires),
        comment: l.comment ?? null,
        status: "ACTIVE" as const,
        issuedAt: ctx.at(l.issued),
        issuedBy: userId(d.owner),
      })),
    );
  }
}

/** W-19 as it ran at T0−90d: the PAK_CONVERSION lot, its ledger row, D-18 and E-40. */
async function seedPakConversion(ctx: SeedContext): Promise<void> {
  const pak = DEMO_PAKS.find((p) => p.pak === CONVERSION.pak)!;
  const line = pak.lines[0];
  const n = line.n!;
  const qty = line.converted!;
  const smartAccountId = saId(EG_SA);
  const virtualAccountId = vaId(EG_SA, CONVERSION.va);
  const at = ctx.at(CONVERSION.day);
  const key = `pak:${pak.pak}:1`;
  const id = conversionId(`pak:${pak.pak}`);

  await ctx.tx.insert(licenseLots).values({
    id: lotId(key),
    virtualAccountId,
    licenseDefinitionId: licenseId(n),
    quantity: qty,
    licenseType: "PERPETUAL",
    startDate: ctx.day(CONVERSION.day),
    source: "PAK_CONVERSION",
    sourceRef: pak.pak,
    sku: line.sku,
    status: "ACTIVE",
    createdAt: at,
  });
  await ctx.tx.insert(licenseTransactions).values({
    id: transactionId(key, "PAK_CONVERSION"),
    smartAccountId,
    virtualAccountId,
    licenseDefinitionId: licenseId(n),
    lotId: lotId(key),
    delta: qty,
    type: "PAK_CONVERSION",
    pak: pak.pak,
    sku: line.sku,
    userId: userId(CONVERSION.by),
    occurredAt: at,
  });
  await ctx.tx.insert(conversions).values({
    id,
    smartAccountId,
    virtualAccountId,
    source: "PAK",
    method: "PAK_WIZARD",
    pak: pak.pak,
    productFamily: line.family,
    status: "CONVERTED",
    initiatedBy: userId(CONVERSION.by),
    initiatedAt: at,
    completedAt: at,
    createdAt: at,
  });
  await ctx.tx.insert(conversionLines).values({
    id: uuidv5(`conversion-line:pak:${pak.pak}:1`),
    conversionId: id,
    sku: line.sku,
    productFamily: line.family,
    quantity: qty,
    type: "Perpetual",
    status: "Converted",
    licenseDefinitionId: licenseId(n),
  });
  ctx.event({
    type: "E-40",
    params: { qty, pak: pak.pak, va: CONVERSION.va, list: `${qty} × ${catalogueEntry(n).displayName}` },
    actor: userActor(CONVERSION.by),
    smartAccountId,
    virtualAccountId,
    licenseDefinitionId: licenseId(n),
    conversionId: id,
    occurredAt: at,
  });
}
