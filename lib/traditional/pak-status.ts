/** D-17 PAK status, derived from quantities: for a line, or for a whole PAK from the sums over its lines. */
export type PakStatus = "UNFULFILLED" | "PARTIALLY FULFILLED" | "PARTIALLY CONVERTED" | "FULFILLED" | "CONVERTED";

export type PakQuantities = { qtyOrdered: number; qtyFulfilled: number; qtyConverted: number };

/** Used = fulfilled + converted. */
export function usedOf(q: PakQuantities): number {
  return q.qtyFulfilled + q.qtyConverted;
}

/** Available = ordered − Used. */
export function availableOf(q: PakQuantities): number {
  return q.qtyOrdered - usedOf(q);
}

export function pakStatus(q: PakQuantities): PakStatus {
  const available = availableOf(q);
  if (q.qtyFulfilled > 0) return available > 0 ? "PARTIALLY FULFILLED" : "FULFILLED";
  if (q.qtyConverted > 0) return available > 0 ? "PARTIALLY CONVERTED" : "CONVERTED";
  return "UNFULFILLED";
}

export function sumQuantities(lines: PakQuantities[]): PakQuantities {
  return lines.reduce(
    (s, l) => ({
      qtyOrdered: s.qtyOrdered + l.qtyOrdered,
      qtyFulfilled: s.qtyFulfilled + l.qtyFulfilled,
      qtyConverted: s.qtyConverted + l.qtyConverted,
    }),
    { qtyOrdered: 0, qtyFulfilled: 0, qtyConverted: 0 },
  );
}
