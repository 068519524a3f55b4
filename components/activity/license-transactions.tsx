"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { fetchJson } from "@/components/licenses/types";
import { Button } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { SearchBox } from "@/components/ui/search-box";
import { TRANSACTION_LABELS } from "@/lib/licensing/ledger-labels";

type Row = {
  id: string;
  date: string;
  transaction: string;
  license: string;
  sku: string;
  quantity: string;
  virtualAccount: string;
  reference: string;
  user: string;
};
type Page = { rows: Row[]; total: number; page: number; pageSize: number; pageCount: number };
type Filter = { va: string; type: string; from: string; to: string; q: string };
const EMPTY: Filter = { va: "", type: "", from: "", to: "", q: "" };
const COLUMNS = ["Date", "Transaction", "License", "SKU", "Quantity", "Virtual Account", "Reference", "User"];

/** S-31 Activity › License Transactions: filters, the D-7 ledger, `Export to CSV`, paginated. */
export function LicenseTransactions({ smartAccountId, vaOptions }: { smartAccountId: string; vaOptions: { id: string; name: string }[] }) {
  const [draft, setDraft] = useState<Omit<Filter, "q">>({ va: "", type: "", from: "", to: "" });
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);

  const params = new URLSearchParams({ sa: smartAccountId });
  for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
  const listParams = new URLSearchParams(params);
  listParams.set("page", String(page));
  listParams.set("pageSize", String(pageSize));
  const query = useQuery<Page>({
    queryKey: ["license-transactions", listParams.toString()],
    queryFn: () => fetchJson(`/api/ui/license-transactions?${listParams}`, "The license transactions could not be loaded."),
    placeholderData: keepPreviousData,
  });
  const apply = (next: Partial<Filter>) => {
    setFilter((f) => ({ ...f, ...next }));
    setPage(1);
  };
  const data = query.data;
  const searching = JSON.stringify(filter) !== JSON.stringify(EMPTY);
  const select = "rounded border border-slate-300 px-2 py-1";

  return (
    <section aria-label="License Transactions" className="rounded border border-slate-200 bg-white">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2">
        <SearchBox label="Search by License, SKU, Order or PAK" onSearch={(q) => apply({ q: q.trim() })} testId="s31-search" />
        <select aria-label="Virtual Account" value={draft.va} onChange={(e) => setDraft({ ...draft, va: e.target.value })} className={select} data-testid="s31-virtual-account">
          <option value="">All Virtual Accounts</option>
          {vaOptions.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
        <select aria-label="Transaction Type" value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value })} className={select} data-testid="s31-transaction-type">
          <option value="">All Transactions</option>
          {Object.entries(TRANSACTION_LABELS).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
        <label className="flex items-center gap-1 text-slate-600">
          From
          <input type="date" aria-label="From" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} className={select} />
        </label>
        <label className="flex items-center gap-1 text-slate-600">
          To
          <input type="date" aria-label="To" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} className={select} />
        </label>
        <Button onClick={() => apply(draft)} data-testid="s31-filter">
          Filter
        </Button>
        <a
          className="ml-auto rounded border border-slate-300 px-3 py-1.5 text-slate-700 hover:bg-slate-100 hover:no-underline"
          href={`/api/ui/license-transactions/csv?${params}`}
          download
          data-testid="s31-export-to-csv"
        >
          Export to CSV
        </a>
      </div>
      {query.isError ? (
        <p role="alert" className="px-3 py-4 text-red-700">
          {(query.error as Error).message}{" "}
          <Button variant="link" onClick={() => query.refetch()}>
            Try again
          </Button>
        </p>
      ) : (
        <table className="w-full text-left" aria-label="License Transactions" aria-busy={query.isFetching}>
          <thead className="bg-slate-100 text-slate-600">
            <tr>
              {COLUMNS.map((c) => (
                <th key={c} scope="col" className="px-3 py-2">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data?.rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-100">
                <td className="whitespace-nowrap px-3 py-1.5">{r.date}</td>
                <td className="px-3 py-1.5">{r.transaction}</td>
                <td className="px-3 py-1.5">{r.license}</td>
                <td className="px-3 py-1.5">{r.sku || "-"}</td>
                <td className="px-3 py-1.5">{r.quantity}</td>
                <td className="px-3 py-1.5">{r.virtualAccount}</td>
                <td className="px-3 py-1.5">{r.reference || "-"}</td>
                <td className="px-3 py-1.5">{r.user}</td>
              </tr>
            ))}
            {data && data.rows.length === 0 && (
              <tr>
                <td colSpan={COLUMNS.length} className="px-3 py-4 text-center text-slate-500">
                  {searching ? "No Records Found" : "No Records to Display"}
                </td>
              </tr>
            )}
            {!data && (
              <tr>
                <td colSpan={COLUMNS.length} className="px-3 py-4 text-center text-slate-500">
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
          testId="s31-pagination"
        />
      )}
    </section>
  );
}
