"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import type { PakListResponse } from "@/app/api/ui/ops/paks/route";
import { Button } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { SearchBox } from "@/components/ui/search-box";
import { orDash } from "@/lib/format";
import type { PakFormChoices } from "@/lib/ops/paks";
import { NewPakDialog } from "./new-pak-dialog";

const HEADERS = ["PAK", "Type", "Order Number", "Owner", "Smart Account", "Virtual Account", "Partial Fulfillment", "Lines", "Status"];

/** S-34 PAKs: the D-17 PAKs, searchable and paginated, and `New PAK...`. */
export function PaksTab({ choices }: { choices: PakFormChoices }) {
  const queryClient = useQueryClient();
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [creating, setCreating] = useState(false);

  const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  if (q) params.set("q", q);
  const query = useQuery<PakListResponse>({
    queryKey: ["ops-paks", params.toString()],
    queryFn: async () => {
      const res = await fetch(`/api/ui/ops/paks?${params}`);
      const body = await res.json();
      if (!res.ok) throw new Error(body.message ?? "The PAKs could not be loaded.");
      return body;
    },
    placeholderData: keepPreviousData,
  });
  const data = query.data;

  return (
    <section aria-label="PAKs" className="rounded border border-slate-200 bg-white">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2">
        <Button variant="primary" onClick={() => setCreating(true)} data-testid="s34-new-pak">
          New PAK...
        </Button>
        <div className="ml-auto">
          <SearchBox
            label="Search PAKs"
            onSearch={(value) => {
              setQ(value.trim());
              setPage(1);
            }}
            testId="s34-search-paks"
          />
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
        <table className="w-full text-left" aria-label="PAKs" aria-busy={query.isFetching} data-testid="s34-paks-table">
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
              <tr key={r.id} className="border-t border-slate-100" data-testid={`s34-pak-${r.pak}`}>
                <td className="px-3 py-1.5 font-mono">{r.pak}</td>
                <td className="px-3 py-1.5">{r.type}</td>
                <td className="px-3 py-1.5">{orDash(r.orderNumber)}</td>
                <td className="px-3 py-1.5">{orDash(r.owner)}</td>
                <td className="px-3 py-1.5">{orDash(r.smartAccount)}</td>
                <td className="px-3 py-1.5">{orDash(r.virtualAccount)}</td>
                <td className="px-3 py-1.5">{r.partialFulfillment ? "Allowed" : "Not Allowed"}</td>
                <td className="max-w-xs truncate px-3 py-1.5" title={r.lines}>
                  {r.lines}
                </td>
                <td className="whitespace-nowrap px-3 py-1.5">{r.status}</td>
              </tr>
            ))}
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
          testId="s34-paks-pagination"
        />
      )}
      {creating && (
        <NewPakDialog
          choices={choices}
          onClose={() => setCreating(false)}
          onDone={(pak) => {
            setCreating(false);
            toast.success(`PAK ${pak} was created.`);
            void queryClient.invalidateQueries({ queryKey: ["ops-paks"] });
          }}
        />
      )}
    </section>
  );
}
