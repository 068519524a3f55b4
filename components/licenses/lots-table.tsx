import { formatDate, formatTimestamp, orDash } from "@/lib/format";
import type { LicenseRow } from "./types";

type Lot = LicenseRow["lots"][number];
type Column = { header: string; cell: (l: Lot) => string | number };

const expiration = (l: Lot) => (l.endDate ? formatDate(l.endDate) : "- never -");
const quantity = (l: Lot) => (l.pending > 0 ? `${l.quantity} (+ ${l.pending} pending)` : l.quantity);
const serialOf = (udi: string | null) => udi?.match(/SN:([^,;]+)/)?.[1] ?? null;

const deviceColumns: Column[] = [
  { header: "Product SKU", cell: (l) => orDash(l.sku) },
  { header: "Product SN", cell: (l) => orDash(serialOf(l.udi ?? l.sourceRef)) },
  { header: "License Family", cell: (l) => orDash(l.licenseFamily) },
  { header: "Quantity Purchased", cell: quantity },
  { header: "Expiration Date", cell: expiration },
];

/** S-9 expander: the contributing lots, grouped by source, with the columns of each source. */
const BY_SOURCE: Record<Lot["source"], { title: string; columns: Column[] }> = {
  ORDER: {
    title: "Order",
    columns: [
      { header: "Order Number", cell: (l) => orDash(l.sourceRef) },
      { header: "SKU", cell: (l) => orDash(l.sku) },
      { header: "Quantity", cell: quantity },
      { header: "Start Date", cell: (l) => formatDate(l.startDate) },
      { header: "Expiration Date", cell: expiration },
      { header: "Subscription Id", cell: (l) => orDash(l.subscriptionId) },
    ],
  },
  PAK_CONVERSION: {
    title: "PAK Conversion",
    columns: [
      { header: "PAK #", cell: (l) => orDash(l.sourceRef) },
      { header: "License SKU", cell: (l) => orDash(l.sku) },
      { header: "Quantity", cell: quantity },
      { header: "Expiration Date", cell: expiration },
    ],
  },
  DEVICE_CONVERSION: { title: "Device Conversion", columns: deviceColumns },
  DLC: { title: "DLC", columns: deviceColumns },
  TRANSFER: {
    title: "Transfer",
    columns: [
      { header: "From Virtual Account", cell: (l) => orDash(l.fromVa) },
      { header: "Quantity", cell: quantity },
      { header: "Memo", cell: (l) => orDash(l.memo) },
      { header: "Date", cell: (l) => formatTimestamp(l.occurredAt) },
    ],
  },
  UPGRADE: {
    title: "Upgrade",
    columns: [
      { header: "SKU", cell: (l) => orDash(l.sku) },
      { header: "Quantity", cell: quantity },
      { header: "Expiration Date", cell: expiration },
    ],
  },
  ADJUSTMENT: {
    title: "Adjustment",
    columns: [
      { header: "Reference", cell: (l) => orDash(l.sourceRef) },
      { header: "Quantity", cell: quantity },
      { header: "Expiration Date", cell: expiration },
    ],
  },
};

export function LotsTable({ license, lots }: { license: string; lots: Lot[] }) {
  if (lots.length === 0) return <p className="text-slate-500">No Records to Display</p>;
  const sources = [...new Set(lots.map((l) => l.source))];
  return (
    <div className="space-y-2">
      {sources.map((s) => {
        const spec = BY_SOURCE[s];
        const mine = lots.filter((l) => l.source === s);
        return (
          <table key={s} className="w-full text-left text-xs" aria-label={`${spec.title} lots of ${license}`}>
            <caption className="py-1 text-left font-semibold text-slate-700">{spec.title}</caption>
            <thead className="text-slate-600">
              <tr>
                {spec.columns.map((c) => (
                  <th key={c.header} scope="col" className="px-2 py-1">
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {mine.map((l) => (
                <tr key={l.id} className="border-t border-slate-200">
                  {spec.columns.map((c) => (
                    <td key={c.header} className="px-2 py-1">
                      {c.cell(l)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </div>
  );
}
