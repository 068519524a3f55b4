"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { PiListResponse } from "@/app/api/ui/product-instances/route";
import { ActionsMenu, type MenuAction } from "@/components/ui/actions-menu";
import { Button } from "@/components/ui/button";
import { NotAvailableDialog } from "@/components/ui/not-available-dialog";
import { Pagination } from "@/components/ui/pagination";
import { SearchBox } from "@/components/ui/search-box";
import type { PiSortColumn } from "@/lib/inventory/schemas";
import { type PiRef, RemoveProductInstanceDialog, TransferProductInstanceDialog } from "./product-instance-dialogs";

type Row = PiListResponse["rows"][number];
type Open =
  | { kind: "transfer"; pi: PiRef }
  | { kind: "remove"; pi: PiRef }
  | { kind: "not-available"; title: string }
  | null;

const COLUMNS: { key: PiSortColumn; label: string; className?: string }[] = [
  { key: "name", label: "Name" },
  { key: "productType", label: "Product Type", className: "w-40" },
  { key: "lastContact", label: "Last Contact", className: "w-80" },
  { key: "alerts", label: "Alerts", className: "w-64" },
];

/** S-15 Inventory › Product Instances: toolbar, sortable paginated table, per-row `Actions ▾` and the S-17 dialogs. */
export function ProductInstancesList({ vaId, targets }: { vaId: string; targets: { id: string; name: string }[] }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [q, setQ] = useState("");
  const [sort, setSort] = useState<{ key: PiSortColumn; dir: "asc" | "desc" }>({ key: "name", dir: "asc" });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [open, setOpen] = useState<Open>(null);

  const filter = new URLSearchParams({ va: vaId, sort: sort.key, dir: sort.dir });
  if (q) filter.set("q", q);
  const listParams = new URLSearchParams(filter);
  listParams.set("page", String(page));
  listParams.set("pageSize", String(pageSize));

  const query = useQuery<PiListResponse>({
    queryKey: ["product-instances", listParams.toString()],
    queryFn: async () => {
      const res = await fetch(`/api/ui/product-instances?${listParams}`);
      const body = await res.json();
      if (!res.ok) throw new Error(body.message ?? "The product instances could not be loaded.");
      return body;
    },
    placeholderData: keepPreviousData,
  });
  const data = query.data;

  const toggleSort = (key: PiSortColumn) => {
    setSort((s) => ({ key, dir: s.key === key && s.dir === "asc" ? "desc" : "asc" }));
    setPage(1);
  };
  const changed = () => {
    setOpen(null);
    void queryClient.invalidateQueries({ queryKey: ["product-instances"] });
    // The S-6 counters and alert panel are server-rendered.
    router.refresh();
  };

  const actionsFor = (r: Row): MenuAction[] => {
    if (!data) return [];
    const pi: PiRef = { id: r.id, name: r.name, virtualAccountId: vaId };
    const items: MenuAction[] = [];
    if (data.canTransfer) items.push({ label: "Transfer...", onSelect: () => setOpen({ kind: "transfer", pi }) });
    if (data.canRemove) items.push({ label: "Remove...", onSelect: () => setOpen({ kind: "remove", pi }) });
    if (data.canReserve) {
      const later = (title: string) => ({ label: title, onSelect: () => setOpen({ kind: "not-available", title }) });
      if (r.reservation === "SLR") items.push(later("Update Reserved Licenses"));
      if (r.reservation === "PLR" && (r.plrVersion ?? 3) < 3) items.push(later("Upgrade Auth Code"));
      if (r.reservation !== "NONE") items.push(later("Download Reservation Authorization Code"));
    }
    return items;
  };

  return (
    <section aria-label="Product Instances" className="rounded border border-slate-200 bg-white">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2">
        <Button
          variant="primary"
          onClick={() => setOpen({ kind: "not-available", title: "Authorize License-Enforced Features" })}
          data-testid="s15-authorize-license-enforced-features"
        >
          Authorize License-Enforced Features...
        </Button>
        <a
          href={`/api/ui/product-instances/csv?${filter}`}
          download
          title="Export to CSV"
          aria-label="Export to CSV"
          className="rounded px-2 py-1 text-lg hover:bg-slate-100 hover:no-underline"
          data-testid="s15-export-to-csv"
        >
          📄
        </a>
        <div className="ml-auto">
          <SearchBox
            label="Search by Device or by Product Type"
            onSearch={(value) => {
              setQ(value.trim());
              setPage(1);
            }}
            testId="s15-search-by-device-or-by-product-type"
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
        <table className="w-full text-left" aria-busy={query.isFetching} data-testid="s15-table">
          <thead className="bg-slate-100 text-slate-600">
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={`px-3 py-2 ${c.className ?? ""}`}
                  aria-sort={sort.key === c.key ? (sort.dir === "asc" ? "ascending" : "descending") : "none"}
                >
                  <button type="button" className="font-semibold hover:text-slate-900" onClick={() => toggleSort(c.key)}>
                    {c.label}
                    <span aria-hidden="true" className="ml-1 text-xs">
                      {sort.key === c.key ? (sort.dir === "asc" ? "▲" : "▼") : ""}
                    </span>
                  </button>
                </th>
              ))}
              <th scope="col" className="w-28 px-3 py-2">
                Actions
              </th>
            </tr>
          </thead>
          <tbody>
            {data?.rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-100">
                <td className="max-w-0 truncate px-3 py-1.5" title={r.name}>
                  <Link href={`/inventory/product-instances/${r.id}?va=${vaId}`}>{r.name}</Link>
                </td>
                <td className="px-3 py-1.5">{r.productType || "-"}</td>
                <td className="whitespace-nowrap px-3 py-1.5">{r.lastContact}</td>
                <td className="px-3 py-1.5">{r.alerts}</td>
                <td className="px-3 py-1.5">
                  <ActionsMenu actions={actionsFor(r)} />
                </td>
              </tr>
            ))}
            {data && data.rows.length === 0 && (
              <tr>
                <td colSpan={5} className="px-3 py-4 text-center text-slate-500">
                  {q ? "No Records Found" : "No Records to Display"}
                </td>
              </tr>
            )}
            {!data && (
              <tr>
                <td colSpan={5} className="px-3 py-4 text-center text-slate-500">
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
          testId="s15-pagination"
        />
      )}
      {open?.kind === "transfer" && (
        <TransferProductInstanceDialog pi={open.pi} targets={targets} onClose={() => setOpen(null)} onDone={changed} />
      )}
      {open?.kind === "remove" && <RemoveProductInstanceDialog pi={open.pi} onClose={() => setOpen(null)} onDone={changed} />}
      {open?.kind === "not-available" && <NotAvailableDialog title={open.title} open onClose={() => setOpen(null)} />}
    </section>
  );
}
