/** D-17 PAK status vocabulary, shared by S-21 and S-52. */
export type PakStatus = "UNFULFILLED" | "PARTIALLY FULFILLED" | "PARTIALLY CONVERTED" | "FULFILLED" | "CONVERTED";

export type PakQuantities = { ordered: number; fulfilled: number; converted: number };

/** Used = fulfilled + converted; Available = ordered − Used. */
export function pakAvailable(q: PakQuantities): number {
  return Math.max(0, q.ordered - q.fulfilled - q.converted);
}

/** The status of a PAK line, or of a whole PAK from the sums over its lines (D-17 table). */
export function pakStatus(q: PakQuantities): PakStatus {
  const available = pakAvailable(q);
  if (q.fulfilled > 0) return available > 0 ? "PARTIALLY FULFILLED" : "FULFILLED";
  if (q.converted > 0) return available > 0 ? "PARTIALLY CONVERTED" : "CONVERTED";
  return "UNFULFILLED";
}

export function sumQuantities(lines: PakQuantities[]): PakQuantities {
  return lines.reduce(
    (s, l) => ({ ordered: s.ordered + l.ordered, fulfilled: s.fulfilled + l.fulfilled, converted: s.converted + l.converted }),
    { ordered: 0, fulfilled: 0, converted: 0 },
  );
}
