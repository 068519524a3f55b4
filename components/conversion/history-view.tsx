"use client";

import Link from "next/link";
import type { HistoryListResponse } from "@/app/api/ui/conversion/history/route";
import { PagedTable } from "@/components/ui/paged-table";
import { SearchBox } from "@/components/ui/search-box";
import { usePagedList } from "@/components/ui/use-paged-list";

const HEADERS = ["Source", "Device", "Product Family", "Conversion Status", "Time", "Actions"];
const PATH = "/api/ui/conversion/history";
const MAX = 30;

/** S-0: a long cell is cut with `...`; the tooltip holds the full value. */
function truncate(text: string): string {
  return text.length > MAX ? `${text.slice(0, MAX - 3)}...` : text;
}

/** S-23 Conversion History: every conversion of this Smart Account, newest first. */
export function HistoryView({ smartAccountId }: { smartAccountId: string }) {
  const list = usePagedList<HistoryListResponse>({
    queryKey: PATH,
    path: PATH,
    filter: { sa: smartAccountId },
    failure: "The conversion history could not be loaded.",
  });
  return (
    <section aria-label="Conversion History" className="rounded border border-slate-200 bg-white">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2">
        <div className="ml-auto">
          <SearchBox label="Search by Device Identifier or Product Family" onSearch={list.search} testId="s23-search-by-device-identifier-or-product-family" />
        </div>
      </div>
      <PagedTable
        list={list}
        columns={HEADERS}
        label="Conversions"
        paginationTestId="s23-pagination"
        rowKey={(r) => r.id}
        row={(r) => {
          const href = `/convert/history/${r.id}`;
          return (
            <tr className="border-t border-slate-100" data-testid="s23-row">
              <td className="px-3 py-1.5">{r.source}</td>
              <td className="px-3 py-1.5" title={r.device}>
                {r.source === "Device" ? <Link href={href}>{truncate(r.device)}</Link> : truncate(r.device)}
              </td>
              <td className="px-3 py-1.5">{r.productFamily ?? "-"}</td>
              <td className="px-3 py-1.5">{r.status}</td>
              <td className="whitespace-nowrap px-3 py-1.5">{r.time}</td>
              <td className="px-3 py-1.5">
                {r.source === "Device" && (
                  <Link href={href} data-testid="s23-view-details">
                    View Details
                  </Link>
                )}
              </td>
            </tr>
          );
        }}
      />
    </section>
  );
}
