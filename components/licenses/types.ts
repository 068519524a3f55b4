import type { LicenseRow } from "@/lib/licensing/licenses";
import type { LicenseTag } from "@/lib/licensing/tags";

export type { LicenseRow, LicenseTag };
export type VaRef = { id: string; name: string };

export { fetchJson } from "@/components/ui/fetch-json";

/** P-16 cell: `+k`, `-k`, or `-` when there is no substitution (S-0). */
export function substitutionCell(k: number): string {
  return k > 0 ? `+${k}` : k < 0 ? String(k) : "-";
}
