import type { ReactNode } from "react";
import { allRecordsSummary } from "@/lib/format";

/**
 * S-0 unpaginated table: header row, body rows from the caller, the empty-state row
 * (`No Records to Display`, or `No Records Found` while searching) and the record-count footer.
 */
export function SimpleTable({
  label,
  headers,
  count,
  searching = false,
  children,
}: {
  label: string;
  headers: string[];
  count: number;
  searching?: boolean;
  children: ReactNode;
}) {
  return (
    <table className="w-full rounded border border-slate-200 bg-white text-left" aria-label={label}>
      <thead className="bg-slate-100 text-slate-600">
        <tr>
          {headers.map((h) => (
            <th key={h} scope="col" className="px-3 py-2">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {children}
        {count === 0 && (
          <tr>
            <td colSpan={headers.length} className="px-3 py-3 text-center text-slate-500">
              {searching ? "No Records Found" : "No Records to Display"}
            </td>
          </tr>
        )}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={headers.length} className="px-3 py-2 text-slate-500">
            {allRecordsSummary(count)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
