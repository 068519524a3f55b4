/** D-17 PAK status, one vocabulary for S-21 and S-52. Derived, never stored. */
export type PakStatus = "UNFULFILLED" | "PARTIALLY FULFILLED" | "PARTIALLY CONVERTED" | "FULFILLED" | "CONVERTED";

export type PakQuantities = { ordered: number; fulfilled: number; converted: number };

/** For one line from its quantities, or for a whole PAK from the sums over its lines. */
export function pakStatus({ ordered, fulfilled, converted }: PakQuantities): PakStatus {
  const available = ordered - fulfilled - converted;
  if (fulfilled > 0) return available > 0 ? "PARTIALLY FULFILLED" : "FULFILLED";
  if (converted > 0) return available > 0 ? "PARTIALLY CONVERTED" : "CONVERTED";
  return "UNFULFILLED";
}
