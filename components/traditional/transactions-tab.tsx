"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { TransactionListResponse } from "@/app/api/ui/traditional/transactions/route";
import { Button } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { fetchJson } from "./fetch-json";
import { type RehostResume, RehostWizard } from "./rehost-wizard";
import type { TraditionalOptions } from "./types";

const HEADERS = ["Date", "Transaction", "PAK/Device", "Details", "User", "Status", "Actions"];

/** S-58 Transactions History; `Continue...` resumes an unfinished rehost (S-56). */
export function TransactionsTab({ options }: { options: TraditionalOptions }) {
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [resume, setResume] = useState<RehostResume | null>(null);

  const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  const query = useQuery({
    queryKey: ["trad-transactions", params.toString()],
    queryFn: () => fetchJson<TransactionListResponse>(`/api/ui/traditional/transactions?${params}`, "The transactions could not be loaded."),
    placeholderData: keepPreviousData,
  });
  const data = query.data;

  return (
    <section aria-label="Transactions History" className="rounded border border-slate-200 bg-white">
      {query.isError ? (
        <p role="alert" className="px-3 py-4 text-red-700">
          {(query.error as Error).message}
        </p>
      ) : (
        <table className="w-full text-left" aria-busy={query.isFetching} data-testid="s58-table">
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
            {data?.rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-100 align-top" data-testid="s58-row">
                <td className="whitespace-nowrap px-3 py-1.5">{r.date}</td>
                <td className="px-3 py-1.5">{r.transaction}</td>
                <td className="px-3 py-1.5 font-mono">
                  {r.pak && <div>{r.pak}</div>}
                  {r.device && <div>{r.device}</div>}
                  {!r.pak && !r.device && "-"}
                </td>
                <td className="px-3 py-1.5">{r.details}</td>
                <td className="px-3 py-1.5">{r.user}</td>
                <td className="px-3 py-1.5">{r.status}</td>
                <td className="px-3 py-1.5">
                  {r.canContinue && r.rehostId && r.device && (
                    <Button
                      variant="link"
                      data-testid="s58-continue"
                      onClick={() => {
                        const [pid, sn] = [r.device!.slice(0, r.device!.indexOf(":")), r.device!.slice(r.device!.indexOf(":") + 1)];
                        setResume({ rehostId: r.rehostId!, source: { pid, sn } });
                      }}
                    >
                      Continue...
                    </Button>
                  )}
                </td>
              </tr>
            ))}
            {data && data.rows.length === 0 && (
              <tr>
                <td colSpan={HEADERS.length} className="px-3 py-4 text-center text-slate-500">
                  No Records to Display
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      {data && (
        <Pagination
          page={data.page}
          pageCount={data.pageCount}
          total={data.total}
          pageSize={pageSize}
          onPage={setPage}
          onPageSize={(s) => {
            setPageSize(s);
            setPage(1);
          }}
          testId="s58-pagination"
        />
      )}
      {resume && (
        <RehostWizard
          resume={resume}
          userEmail={options.userEmail}
          onClose={() => setResume(null)}
          onDone={() => void queryClient.invalidateQueries({ queryKey: ["trad-transactions"] })}
        />
      )}
    </section>
  );
}
