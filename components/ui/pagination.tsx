"use client";

import { pageSummary } from "@/lib/format";
import { PAGE_SIZES } from "@/lib/lists/paging";

/** S-0 paginated table footer: page size, `Showing Page p of P (n Records)`, first/previous/next/last. */
export function Pagination({
  page,
  pageCount,
  total,
  pageSize,
  onPage,
  onPageSize,
  testId,
}: {
  page: number;
  pageCount: number;
  total: number;
  pageSize: number;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
  testId?: string;
}) {
  const btn = "rounded border border-slate-300 px-2 py-0.5 disabled:text-slate-300";
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-slate-600" data-testid={testId}>
      <label className="flex items-center gap-1">
        <span className="sr-only">Page size</span>
        <select aria-label="Page size" value={pageSize} onChange={(e) => onPageSize(Number(e.target.value))} className="rounded border border-slate-300 px-1 py-0.5">
          {PAGE_SIZES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <span role="status">{pageSummary(page, pageCount, total)}</span>
      <div className="flex gap-1">
        <button type="button" className={btn} aria-label="First page" disabled={page <= 1} onClick={() => onPage(1)}>
          «
        </button>
        <button type="button" className={btn} aria-label="Previous page" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          ‹
        </button>
        <button type="button" className={btn} aria-label="Next page" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
          ›
        </button>
        <button type="button" className={btn} aria-label="Last page" disabled={page >= pageCount} onClick={() => onPage(pageCount)}>
          »
        </button>
      </div>
    </div>
  );
}
