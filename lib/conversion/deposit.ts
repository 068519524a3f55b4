import type { Tx } from "@/db/client";
import { licenseLots, licenseTransactions } from "@/db/schema";
import { isoDate } from "@/lib/clock";

export type Deposit = {
  smartAccountId: string;
  virtualAccountId: string;
  licenseDefinitionId: string;
  quantity: number;
  source: "PAK_CONVERSION" | "DEVICE_CONVERSION" | "DLC";
  /** The PAK, or the UDI (`PID:…,SN:…`) of a device conversion. */
  sourceRef: string;
  sku: string;
  licenseType: "PERPETUAL" | "TERM";
  endDate: string | null;
  pak?: string | null;
  udi?: string | null;
  userId: string | null;
  at: Date;
};

/** A conversion's new lot and its ledger row of the same type and +quantity (D-6, D-7, INV-5). */
export async function depositConvertedLicenses(tx: Tx, d: Deposit): Promise<string> {
  const [lot] = await tx
    .insert(licenseLots)
    .values({
      virtualAccountId: d.virtualAccountId,
      licenseDefinitionId: d.licenseDefinitionId,
      quantity: d.quantity,
      licenseType: d.licenseType,
      startDate: isoDate(d.at),
      endDate: d.endDate,
      source: d.source,
      sourceRef: d.sourceRef,
      sku: d.sku,
      status: "ACTIVE",
      createdAt: d.at,
    })
    .returning({ id: licenseLots.id });
  await tx.insert(licenseTransactions).values({
    smartAccountId: d.smartAccountId,
    virtualAccountId: d.virtualAccountId,
    licenseDefinitionId: d.licenseDefinitionId,
    lotId: lot.id,
    delta: d.quantity,
    type: d.source,
    sku: d.sku,
    pak: d.pak ?? null,
    udi: d.udi ?? null,
    userId: d.userId,
    occurredAt: d.at,
  });
  return lot.id;
}

/** `25 × ISE_BASE, 1 × CSR 1KV SEC 5G`: the `{list}` of E-40, E-41 and E-43. */
export function depositList(items: { quantity: number; license: string }[]): string {
  return items.map((i) => `${i.quantity} × ${i.license}`).join(", ");
}
