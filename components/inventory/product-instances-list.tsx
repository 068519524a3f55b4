"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { PiListResponse } from "@/app/api/ui/product-instances/route";
import { ActionsMenu, type MenuAction } from "@/components/ui/actions-menu";
import { Button } from "@/components/ui/button";
import { NotAvailableDialog } from "@/components/ui/not-available-dialog";
import { type Column, PagedTable } from "@/components/ui/paged-table";
import { SearchBox } from "@/components/ui/search-box";
import { usePagedList } from "@/components/ui/use-paged-list";
import type { PiSortColumn } from "@/lib/inventory/schemas";
import { type PiRef, RemoveProductInstanceDialog, TransferProductInstanceDialog } from "./product-instance-dialogs";

type Row = PiListResponse["rows"][number];
type Open =
  | { kind: "transfer"; pi: PiRef }
  | { kind: "remove"; pi: PiRef }
  | { kind: "not-available"; title: string }
  | null;

const SORTABLE: { key: PiSortColumn; label: string; className?: string }[] = [
  { key: "name", label: "Name" },
  { key: "productType", label: "Product Type", className: "w-40" },
  { key: "lastContact", label: "Last Contact", className: "w-80" },
  { key: "alerts", label: "Alerts", className: "w-64" },
];

/** S-15 Inventory › Product Instances: toolbar, sortable paginated table, per-row `Actions ▾` and the S-17 dialogs. */
export function ProductInstancesList({ vaId, targets }: { vaId: string; targets: { id: string; name: string }[] }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [sort, setSort] = useState<{ key: PiSortColumn; dir: "asc" | "desc" }>({ key: "name", dir: "asc" });
  const [open, setOpen] = useState<Open>(null);

  const list = usePagedList<PiListResponse>({
    queryKey: "product-instances",
    path: "/api/ui/product-instances",
    filter: { va: vaId, sort: sort.key, dir: sort.dir },
    failure: "The product instances could not be loaded.",
  });
  const data = list.data;

  const toggleSort = (key: PiSortColumn) => {
    setSort((s) => ({ key, dir: s.key === key && s.dir === "asc" ? "desc" : "asc" }));
    list.firstPage();
  };
  const columns: Column[] = [
    ...SORTABLE.map((c): Column => ({
      key: c.key,
      className: c.className,
      sort: sort.key === c.key ? (sort.dir === "asc" ? "ascending" : "descending") : "none",
      label: (
        <button type="button" className="font-semibold hover:text-slate-900" onClick={() => toggleSort(c.key)}>
          {c.label}
          <span aria-hidden="true" className="ml-1 text-xs">
            {sort.key === c.key ? (sort.dir === "asc" ? "▲" : "▼") : ""}
          </span>
        </button>
      ),
    })),
    { key: "actions", label: "Actions", className: "w-28" },
  ];
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
          href={`/api/ui/product-instances/csv?${list.filterParams}`}
          download
          title="Export to CSV"
          aria-label="Export to CSV"
          className="rounded px-2 py-1 text-lg hover:bg-slate-100 hover:no-underline"
          data-testid="s15-export-to-csv"
        >
          📄
        </a>
        <div className="ml-auto">
          <SearchBox label="Search by Device or by Product Type" onSearch={list.search} testId="s15-search-by-device-or-by-product-type" />
        </div>
      </div>
      <PagedTable
        list={list}
        columns={columns}
        testId="s15-table"
        paginationTestId="s15-pagination"
        rowKey={(r) => r.id}
        row={(r) => (
          <tr className="border-t border-slate-100">
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
        )}
      />
      {open?.kind === "transfer" && (
        <TransferProductInstanceDialog pi={open.pi} targets={targets} onClose={() => setOpen(null)} onDone={changed} />
      )}
      {open?.kind === "remove" && <RemoveProductInstanceDialog pi={open.pi} onClose={() => setOpen(null)} onDone={changed} />}
      {open?.kind === "not-available" && <NotAvailableDialog title={open.title} open onClose={() => setOpen(null)} />}
    </section>
  );
}
