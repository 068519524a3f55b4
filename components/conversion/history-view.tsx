"use client";

import Link from "next/link";
import type { HistoryListResponse } from "@/app/api/ui/conversion/history/route";
import { Button } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { SearchBox } from "@/components/ui/search-box";
import { useConversionList } from "./use-list";

const HEADERS = ["Source", "Device", "Product Family", "Conversion Status", "Time", "Actions"];
const PATH = "/api/ui/conversion/history";
const MAX = 30;

/** S-0: a long cell is cut with `...`; the tooltip holds the full value. */
function truncate(text: string): string {
  return text.length > MAX ? `${text.slice(0, MAX - 3)}...` : text;
}

/** S-23 Conversion History: every conversion of this Smart Account, newest first. */
export function HistoryView({ smartAccountId }: { smartAccountId: string }) {
  const { query, q, search, pagination } = useConversionList<HistoryListResponse>(PATH, smartAccountId, "The conversion history could not be loaded.");
  const data = query.data;
  return (
    <section aria-label="Conversion History" className="rounded border border-slate-200 bg-white">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2">
        <div className="ml-auto">
          <SearchBox label="Search by Device Identifier or Product Family" onSearch={search} testId="s23-search-by-device-identifier-or-product-family" />
        </div>
      </div>
      {query.isError ? (
        <p role="alert" className="px-3 py-4 text-red-700">
          {(query.error as Error).message}{" "}
          <Button variant="link" onClick={() => query.refetch()}>
            Try again
          </Button>
        </p>
      ) : (
        <table className="w-full text-left" aria-label="Conversions" aria-busy={query.isFetching}>
          <thead className="bg-slate-100 text-slate-600">
            <tr>
              {HEADERS.map((h) => (
                <th key={h} scope="col" className="px-3 py-2">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data?.rows.map((r) => {
              const href = `/convert/history/${r.id}`;
              return (
                <tr key={r.id} className="border-t border-slate-100" data-testid="s23-row">
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
            })}
            {data && data.rows.length === 0 && (
              <tr>
                <td colSpan={HEADERS.length} className="px-3 py-4 text-center text-slate-500">
                  {q ? "No Records Found" : "No Records to Display"}
                </td>
              </tr>
            )}
            {!data && (
              <tr>
                <td colSpan={HEADERS.length} className="px-3 py-4 text-center text-slate-500">
                  Loading…
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      {data && <Pagination page={data.page} pageCount={data.pageCount} total={data.total} {...pagination} testId="s23-pagination" />}
    </section>
  );
}
