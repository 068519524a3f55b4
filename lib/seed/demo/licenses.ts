import { licenseLots, licenseTransactions, orderLines, orders } from "@/db/schema";
import { formatDate } from "@/lib/format";
import { catalogueEntry, licenseId } from "../reference";
import { opsActor, OPS_CCO, type SeedContext } from "./context";
import { BU_SA, EG_SA, lotId, orderId, orderLineId, saId, transactionId, userId, vaId } from "./ids";

type LotType = "PERPETUAL" | "TERM" | "SUBSCRIPTION";

type OrderLineSpec = {
  /** DD-4 number. */
  n: number;
  sku: string;
  qty: number;
  /** Defaults from the license duration: PERPETUAL, or SUBSCRIPTION. */
  type?: LotType;
  /** End day offset from T0; subscription and term lots default to T0+365d (DD-5). */
  end?: number;
  subscriptionId?: string;
  /** A pending upgrade lot (W-52): quantity 0, pending_quantity = qty. */
  pending?: boolean;
};

type OrderSpec = { number: string; sa: string; va: string; day: number; lines: OrderLineSpec[] };

/** DD-5: every lot except the #43 PAK conversion comes from one of these orders (D-8). */
export const DEMO_ORDERS: OrderSpec[] = [
  // Eg-VA-01
  { number: "107310021", sa: EG_SA, va: "Eg-VA-01", day: -380, lines: [
    { n: 3, sku: "C1111-8P-APPX", qty: 1 },
    { n: 4, sku: "FL-1100-8P-SEC", qty: 1 },
    { n: 5, sku: "FL-1100-8P-IPSEC-200M", qty: 1 },
  ] },
  { number: "107310388", sa: EG_SA, va: "Eg-VA-01", day: -360, lines: [{ n: 1, sku: "DNA-HSEC-K9", qty: 3 }] },
  { number: "107311204", sa: EG_SA, va: "Eg-VA-01", day: -300, lines: [
    { n: 14, sku: "FL-44-HSEC-K9", qty: 2 },
    { n: 15, sku: "SL-44-SEC-K9", qty: 2 },
    { n: 16, sku: "SL-44-APP-K9", qty: 2 },
    { n: 17, sku: "SL-44-UC-K9", qty: 2 },
    { n: 18, sku: "FL-4460-BOOST-K9", qty: 2 },
  ] },
  { number: "107311577", sa: EG_SA, va: "Eg-VA-01", day: -290, lines: [
    { n: 8, sku: "FL-4350-PERF-K9", qty: 1 },
    { n: 9, sku: "SL-4350-APP-K9", qty: 1 },
    { n: 10, sku: "SL-4350-UC-K9", qty: 1 },
    { n: 11, sku: "ISR4351-SEC", qty: 1 },
  ] },
  { number: "107311890", sa: EG_SA, va: "Eg-VA-01", day: -280, lines: [
    { n: 12, sku: "FL-4330-HSEC-K9", qty: 1 },
    { n: 13, sku: "FL-4330-BOOST-K9", qty: 1 },
  ] },
  { number: "107312405", sa: EG_SA, va: "Eg-VA-01", day: -250, lines: [
    { n: 19, sku: "C8000-NWA-T0-10M", qty: 20 },
    { n: 20, sku: "DNA-C-T0-10M-A-3Y", qty: 5 },
  ] },
  { number: "107312630", sa: EG_SA, va: "Eg-VA-01", day: -240, lines: [
    { n: 21, sku: "NWSTACK-T2-A", qty: 1 },
    { n: 22, sku: "DSTACK-T2-A-3Y", qty: 1, end: 45 },
  ] },
  { number: "107312977", sa: EG_SA, va: "Eg-VA-01", day: -220, lines: [{ n: 23, sku: "C8000V-PLR", qty: 1 }] },
  { number: "107313150", sa: EG_SA, va: "Eg-VA-01", day: -165, lines: [{ n: 24, sku: "L-CSR-AX-10G-1Y", qty: 1, end: 200 }] },
  { number: "107313822", sa: EG_SA, va: "Eg-VA-01", day: -35, lines: [{ n: 24, sku: "L-CSR-AX-10G-3Y", qty: 1, end: 400 }] },
  // Eg-VA-02
  { number: "107314021", sa: EG_SA, va: "Eg-VA-02", day: -200, lines: [
    { n: 2, sku: "FL-1100-8P-HSEC=", qty: 2 },
    { n: 1, sku: "DNA-HSEC-K9", qty: 1 },
  ] },
  { number: "107314388", sa: EG_SA, va: "Eg-VA-02", day: -150, lines: [
    { n: 30, sku: "C9500-DNA-32QC-A", qty: 2 },
    { n: 19, sku: "C8000-NWA-T0-10M", qty: 5 },
  ] },
  { number: "107400001", sa: EG_SA, va: "Eg-VA-02", day: -60, lines: [{ n: 1, sku: "DNA-HSEC-UPGD=", qty: 1, pending: true }] },
  // Krakow LAN-SW
  { number: "107315001", sa: EG_SA, va: "Krakow LAN-SW", day: -400, lines: [
    { n: 29, sku: "L-C9500-NWA", qty: 6 },
    { n: 30, sku: "C9500-DNA-32QC-A", qty: 3 },
  ] },
  { number: "107315460", sa: EG_SA, va: "Krakow LAN-SW", day: -330, lines: [
    { n: 27, sku: "C9300-NW-A-24", qty: 1 },
    { n: 28, sku: "C9300-DNA-A-24-3Y", qty: 1 },
    { n: 25, sku: "C9300-NW-A-48", qty: 1 },
    { n: 26, sku: "C9300-DNA-A-48-3Y", qty: 1, end: 20 },
  ] },
  // Branch-Routers: the first UCM lot ended T0−5d and is EXPIRED (P-14).
  { number: "107316002", sa: EG_SA, va: "Branch-Routers", day: -370, lines: [{ n: 38, sku: "UCM-12X-ENH-T", qty: 5, type: "TERM", end: -5 }] },
  { number: "107316350", sa: EG_SA, va: "Branch-Routers", day: -345, lines: [{ n: 38, sku: "UCM-12X-ENH-T", qty: 10, type: "TERM", end: 20 }] },
  { number: "107316580", sa: EG_SA, va: "Branch-Routers", day: -260, lines: [
    { n: 12, sku: "FL-4330-HSEC-K9", qty: 2 },
    { n: 13, sku: "FL-4330-BOOST-K9", qty: 2 },
  ] },
  // MSLA-Utility
  { number: "107317004", sa: EG_SA, va: "MSLA-Utility", day: -220, lines: [
    { n: 36, sku: "CSR-APPX-100M-MSLA", qty: 10, subscriptionId: "Sub208966" },
    { n: 37, sku: "DNA-SDWAN-A-MSLA", qty: 5, subscriptionId: "Sub269233" },
  ] },
  // OnPrem-Campus
  { number: "107317250", sa: EG_SA, va: "OnPrem-Campus", day: -230, lines: [
    { n: 27, sku: "C9300-NW-A-24", qty: 4 },
    { n: 28, sku: "C9300-DNA-A-24-3Y", qty: 4 },
  ] },
  // BU Production Test / Device
  { number: "107318001", sa: BU_SA, va: "Device", day: -395, lines: [
    { n: 34, sku: "SL-A920-MIP", qty: 2 },
    { n: 35, sku: "SL-A920-10G-2", qty: 2 },
  ] },
];

function lotShape(line: OrderLineSpec, orderDay: number) {
  const type: LotType = line.type ?? (catalogueEntry(line.n).duration === "SUBSCRIPTION" ? "SUBSCRIPTION" : "PERPETUAL");
  const endDay = type === "PERPETUAL" ? null : (line.end ?? 365);
  return { type, startDay: orderDay, endDay };
}

/** DD-5 orders, their lots and `ORDER` ledger rows (D-6..D-8), with E-35 (and E-63 for the expired lot). */
export async function seedLicenses(ctx: SeedContext): Promise<void> {
  const { tx } = ctx;
  const opsId = userId(OPS_CCO);
  for (const order of DEMO_ORDERS) {
    const smartAccountId = saId(order.sa);
    const virtualAccountId = vaId(order.sa, order.va);
    const placedAt = ctx.at(order.day);
    await tx.insert(orders).values({
      id: orderId(order.number),
      orderNumber: order.number,
      smartAccountId,
      virtualAccountId,
      orderDate: ctx.day(order.day),
      createdBy: opsId,
      createdAt: placedAt,
    });
    for (const [i, line] of order.lines.entries()) {
      const key = `${order.number}:${i + 1}`;
      const { type, startDay, endDay } = lotShape(line, order.day);
      const expired = endDay !== null && endDay <= 0;
      const licenseDefinitionId = licenseId(line.n);
      const common = { startDate: ctx.day(startDay), endDate: endDay === null ? null : ctx.day(endDay) };
      await tx.insert(licenseLots).values({
        id: lotId(key),
        virtualAccountId,
        licenseDefinitionId,
        quantity: line.pending || expired ? 0 : line.qty,
        expiredQuantity: expired ? line.qty : 0,
        pendingQuantity: line.pending ? line.qty : 0,
        licenseType: type,
        ...common,
        subscriptionId: line.subscriptionId ?? null,
        source: "ORDER",
        sourceRef: order.number,
        sku: line.sku,
        status: expired ? "EXPIRED" : "ACTIVE",
        createdAt: placedAt,
      });
      await tx.insert(orderLines).values({
        id: orderLineId(order.number, i + 1),
        orderId: orderId(order.number),
        sku: line.sku,
        licenseDefinitionId,
        quantity: line.qty,
        licenseType: type,
        ...common,
        subscriptionId: line.subscriptionId ?? null,
        pendingUpgrade: line.pending ?? false,
        lotId: lotId(key),
      });
      const ledger = { smartAccountId, virtualAccountId, licenseDefinitionId, lotId: lotId(key), sku: line.sku };
      await tx.insert(licenseTransactions).values({
        id: transactionId(key, "ORDER"),
        ...ledger,
        delta: line.pending ? 0 : line.qty,
        type: "ORDER",
        orderNumber: order.number,
        userId: opsId,
        occurredAt: placedAt,
      });
      const license = catalogueEntry(line.n).displayName;
      ctx.event({
        type: "E-35",
        params: { qty: line.qty, license, order: order.number, sku: line.sku },
        actor: opsActor,
        smartAccountId,
        virtualAccountId,
        licenseDefinitionId,
        occurredAt: placedAt,
      });
      if (expired) {
        const expiredAt = ctx.at(endDay);
        // INV-5: the EXPIRY row takes the lot's remaining quantity back to 0 (P-14).
        await tx.insert(licenseTransactions).values({
          id: transactionId(key, "EXPIRY"),
          ...ledger,
          delta: -line.qty,
          type: "EXPIRY",
          userId: null,
          occurredAt: expiredAt,
        });
        ctx.event({
          type: "E-63",
          params: { qty: line.qty, license, date: formatDate(expiredAt) },
          actor: { kind: "system" },
          smartAccountId,
          virtualAccountId,
          licenseDefinitionId,
          occurredAt: expiredAt,
        });
      }
    }
  }
}
