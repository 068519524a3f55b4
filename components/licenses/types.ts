import type { LicenseRow } from "@/lib/licensing/licenses";
import type { LicenseTag } from "@/lib/licensing/tags";

export type { LicenseRow, LicenseTag };
export type VaRef = { id: string; name: string };

export async function fetchJson<T>(url: string, failure: string): Promise<T> {
  const res = await fetch(url);
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.message ?? failure);
  return body as T;
}

/** P-16 cell: `+k`, `-k`, or `-` when there is no substitution (S-0). */
export function substitutionCell(k: number): string {
  return k > 0 ? `+${k}` : k < 0 ? String(k) : "-";
}
