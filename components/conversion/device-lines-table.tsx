"use client";

import type { DeviceWizardLine } from "@/lib/conversion/device-licenses";

/** Quantity to convert per traditional line id. A line converts whole (0 or its quantity). */
export type LineChoice = Record<string, number>;

type Line = Omit<DeviceWizardLine, "termDate"> & { termDate: string | null };

const cell = "px-2 py-1.5";

/**
 * `SKU | Type | Term Date | Quantity Available | Quantity to Convert` of a device's eligible lines
 * (S-22 STEP 2, S-54). With `checkboxes` a leading checkbox picks the lines (S-54); otherwise
 * `Quantity to Convert` offers 0 or the line's quantity. Without `onChoice` the table is read-only.
 */
export function DeviceLinesTable({
  lines,
  choice,
  onChoice,
  checkboxes,
  testIdPrefix,
}: {
  lines: Line[];
  choice: LineChoice;
  onChoice?: (next: LineChoice) => void;
  checkboxes?: boolean;
  testIdPrefix: string;
}) {
  const set = (id: string, q: number) => onChoice?.({ ...choice, [id]: q });
  return (
    <table className="w-full text-left" aria-label="Licenses">
      <thead className="bg-slate-100 text-slate-600">
        <tr>
          {checkboxes && (
            <th scope="col" className={`${cell} w-8`}>
              <span className="sr-only">Select</span>
            </th>
          )}
          {["SKU", "Type", "Term Date", "Quantity Available", "Quantity to Convert"].map((h) => (
            <th key={h} scope="col" className={cell}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => {
          const q = choice[l.lineId] ?? 0;
          return (
            <tr key={l.lineId} className="border-t border-slate-100">
              {checkboxes && (
                <td className={cell}>
                  <input
                    type="checkbox"
                    aria-label={`Convert ${l.sku}`}
                    checked={q > 0}
                    disabled={!onChoice}
                    onChange={(e) => set(l.lineId, e.target.checked ? l.available : 0)}
                    data-testid={`${testIdPrefix}-select-line`}
                  />
                </td>
              )}
              <td className={cell}>{l.sku}</td>
              <td className={cell}>{l.type}</td>
              <td className={cell}>{l.termDate ?? "-"}</td>
              <td className={cell}>{l.available}</td>
              <td className={`${cell} w-40`}>
                {onChoice && !checkboxes ? (
                  <select
                    aria-label={`Quantity to Convert of ${l.sku}`}
                    value={q}
                    onChange={(e) => set(l.lineId, Number(e.target.value))}
                    className="rounded border border-slate-300 px-2 py-1"
                    data-testid={`${testIdPrefix}-quantity-to-convert`}
                  >
                    <option value={0}>0</option>
                    <option value={l.available}>{l.available}</option>
                  </select>
                ) : (
                  <span data-testid={`${testIdPrefix}-quantity-to-convert`}>{q}</span>
                )}
              </td>
            </tr>
          );
        })}
        {lines.length === 0 && (
          <tr>
            <td colSpan={checkboxes ? 6 : 5} className="px-3 py-4 text-center text-slate-500">
              No Records to Display
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
