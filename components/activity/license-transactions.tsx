"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { PagedTable } from "@/components/ui/paged-table";
import { SearchBox } from "@/components/ui/search-box";
import { usePagedList } from "@/components/ui/use-paged-list";
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
type Filter = { va: string; type: string; from: string; to: string };
const EMPTY: Filter = { va: "", type: "", from: "", to: "" };
const COLUMNS = ["Date", "Transaction", "License", "SKU", "Quantity", "Virtual Account", "Reference", "User"];

/** S-31 Activity › License Transactions: filters, the D-7 ledger, `Export to CSV`, paginated. */
export function LicenseTransactions({ smartAccountId, vaOptions }: { smartAccountId: string; vaOptions: { id: string; name: string }[] }) {
  const [draft, setDraft] = useState<Filter>(EMPTY);
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const list = usePagedList<Page>({
    queryKey: "license-transactions",
    path: "/api/ui/license-transactions",
    filter: { sa: smartAccountId, va: filter.va || undefined, type: filter.type || undefined, from: filter.from || undefined, to: filter.to || undefined },
    failure: "The license transactions could not be loaded.",
  });
  const searching = Boolean(list.q) || JSON.stringify(filter) !== JSON.stringify(EMPTY);
  const select = "rounded border border-slate-300 px-2 py-1";

  return (
    <section aria-label="License Transactions" className="rounded border border-slate-200 bg-white">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2">
        <SearchBox label="Search by License, SKU, Order or PAK" onSearch={list.search} testId="s31-search" />
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
        <Button
          onClick={() => {
            setFilter(draft);
            list.firstPage();
          }}
          data-testid="s31-filter"
        >
          Filter
        </Button>
        <a
          className="ml-auto rounded border border-slate-300 px-3 py-1.5 text-slate-700 hover:bg-slate-100 hover:no-underline"
          href={`/api/ui/license-transactions/csv?${list.filterParams}`}
          download
          data-testid="s31-export-to-csv"
        >
          Export to CSV
        </a>
      </div>
      <PagedTable
        list={list}
        columns={COLUMNS}
        label="License Transactions"
        paginationTestId="s31-pagination"
        searching={searching}
        rowKey={(r) => r.id}
        row={(r) => (
          <tr className="border-t border-slate-100">
            <td className="whitespace-nowrap px-3 py-1.5">{r.date}</td>
            <td className="px-3 py-1.5">{r.transaction}</td>
            <td className="px-3 py-1.5">{r.license}</td>
            <td className="px-3 py-1.5">{r.sku || "-"}</td>
            <td className="px-3 py-1.5">{r.quantity}</td>
            <td className="px-3 py-1.5">{r.virtualAccount}</td>
            <td className="px-3 py-1.5">{r.reference || "-"}</td>
            <td className="px-3 py-1.5">{r.user}</td>
          </tr>
        )}
      />
    </section>
  );
}
