"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { hidePaksAction } from "@/app/(portal)/traditional/actions";
import type { PakListResponse } from "@/app/api/ui/traditional/paks/route";
import { Button } from "@/components/ui/button";
import { type Column, PagedTable } from "@/components/ui/paged-table";
import { SearchBox } from "@/components/ui/search-box";
import { usePagedList } from "@/components/ui/use-paged-list";
import { orDash } from "@/lib/format";
import { AddPaksDialog } from "./add-paks-dialog";
import { AssignDialog } from "./assign-dialog";
import { DropdownButton, RowMenu } from "./dropdown-button";
import { GetLicensesMenu, useGetLicenses } from "./get-licenses-menu";
import { PakInfoDialog } from "./pak-info-dialog";
import { SelectCell } from "./select-cell";
import type { TraditionalOptions } from "./types";

type Open = { kind: "add" } | { kind: "assign"; pakIds: string[]; label: string } | { kind: "info"; pakId: string } | null;

const COLUMNS: Column[] = [
  { key: "select", label: <span className="sr-only">Select</span>, className: "w-8" },
  ...["PAK/Token", "Virtual Account", "Order Number", "Product", "Status", "Used", "Available"],
  { key: "actions", label: <span className="sr-only">Actions</span>, className: "w-12" },
];

/** S-52 PAKs or Tokens: toolbar, one row per PAK line, the circular row menu. */
export function PaksTab({ options }: { options: TraditionalOptions }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [showFilter, setShowFilter] = useState(false);
  const [showHidden, setShowHidden] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<Open>(null);
  const [getLicenses, setGetLicenses] = useGetLicenses();

  const list = usePagedList<PakListResponse>({
    queryKey: "trad-paks",
    path: "/api/ui/traditional/paks",
    filter: { showHidden: showHidden ? "1" : "0" },
    failure: "The PAKs could not be loaded.",
  });
  const data = list.data;
  const changed = () => {
    void queryClient.invalidateQueries({ queryKey: ["trad-paks"] });
    void queryClient.invalidateQueries({ queryKey: ["trad-devices"] });
    void queryClient.invalidateQueries({ queryKey: ["trad-licenses"] });
    void queryClient.invalidateQueries({ queryKey: ["trad-transactions"] });
  };
  const selectedRows = (data?.rows ?? []).filter((r) => selected.has(r.pakId));
  const selectedPaks = [...new Map(selectedRows.map((r) => [r.pakId, r.pak])).entries()];

  async function hide(hidden: boolean) {
    if (selectedPaks.length === 0) return void toast.error("Select at least one PAK first.");
    const res = await hidePaksAction({ pakIds: selectedPaks.map(([id]) => id), hidden });
    if (!res.ok) return void toast.error(res.error);
    toast.success(`${res.data.count} PAK(s) ${hidden ? "hidden" : "shown again"}.`);
    setSelected(new Set());
    changed();
  }

  function assign(pakIds: string[], label: string) {
    if (pakIds.length === 0) return void toast.error("Select at least one PAK first.");
    setOpen({ kind: "assign", pakIds, label });
  }

  return (
    <section aria-label="PAKs or Tokens" className="rounded border border-slate-200 bg-white">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2">
        <GetLicensesMenu
          testPrefix="s52"
          userEmail={options.userEmail}
          evaluationFeatures={options.evaluationFeatures}
          onDone={changed}
          open={getLicenses}
          setOpen={setGetLicenses}
        />
        <Button onClick={() => setOpen({ kind: "add" })} data-testid="s52-add-new-paks-tokens">
          Add New PAKs/Tokens...
        </Button>
        <DropdownButton
          label="Smart Accounts"
          testId="s52-smart-accounts"
          items={[
            {
              label: "Assign to Smart Account...",
              testId: "s52-assign-to-smart-account",
              onSelect: () => assign(selectedPaks.map(([id]) => id), selectedPaks.map(([, pak]) => `PAK ${pak}`).join(", ")),
            },
          ]}
        />
        <DropdownButton
          label="Manage PAKs"
          testId="s52-manage-paks"
          items={[
            { label: "Hide", testId: "s52-hide", onSelect: () => void hide(true) },
            { label: "Unhide", testId: "s52-unhide", onSelect: () => void hide(false) },
            {
              label: "Show Hidden",
              testId: "s52-show-hidden",
              checked: showHidden,
              onSelect: () => {
                setShowHidden(!showHidden);
                list.firstPage();
              },
            },
          ]}
        />
        <a
          href={`/api/ui/traditional/paks/csv?${list.filterParams}`}
          download
          className="rounded border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 hover:no-underline"
          data-testid="s52-export-to-csv"
        >
          Export to CSV
        </a>
        <Button aria-pressed={showFilter} onClick={() => setShowFilter(!showFilter)} data-testid="s52-show-filter">
          Show Filter
        </Button>
        {showFilter && (
          <div className="ml-auto">
            <SearchBox label="Filter by PAK, SKU, Order Number or Virtual Account" testId="s52-filter" onSearch={list.search} />
          </div>
        )}
      </div>
      <PagedTable
        list={list}
        columns={COLUMNS}
        testId="s52-table"
        paginationTestId="s52-pagination"
        rowKey={(r) => r.pakLineId}
        row={(r) => (
          <tr className={`border-t border-slate-100 align-top ${r.hidden ? "text-slate-400" : ""}`} data-testid="s52-row">
            <SelectCell label={`Select ${r.pak}`} id={r.pakId} selected={selected} onChange={setSelected} />
            <td className="px-3 py-1.5 font-mono">
              {r.pak}
              {r.hidden && <span className="ml-1 font-sans text-xs">(hidden)</span>}
            </td>
            <td className="px-3 py-1.5">{orDash(r.virtualAccountName)}</td>
            <td className="px-3 py-1.5">{orDash(r.orderNumber)}</td>
            <td className="px-3 py-1.5">
              <div>Family: {r.productFamily || "-"}</div>
              <div>SKU: {r.sku}</div>
            </td>
            <td className="px-3 py-1.5">{r.status}</td>
            <td className="px-3 py-1.5">{r.used}</td>
            <td className="px-3 py-1.5">{r.available}</td>
            <td className="px-3 py-1.5">
              <RowMenu
                label={`Actions for ${r.pak}`}
                testId="s52-row-menu"
                items={[
                  ...(r.canWrite
                    ? [
                        { label: "Get Licenses...", testId: "s52-row-get-licenses", onSelect: () => setGetLicenses({ kind: "pak", pak: r.pak }) },
                        { label: "Assign to Smart Account...", testId: "s52-row-assign-to-smart-account", onSelect: () => assign([r.pakId], `PAK ${r.pak}`) },
                      ]
                    : []),
                  { label: "Convert to Smart Licensing...", testId: "s52-row-convert-to-smart-licensing", onSelect: () => router.push("/convert/paks") },
                  { label: "Get PAK or Token Information...", testId: "s52-row-get-pak-or-token-information", onSelect: () => setOpen({ kind: "info", pakId: r.pakId }) },
                ]}
              />
            </td>
          </tr>
        )}
      />
      {open?.kind === "add" && (
        <AddPaksDialog
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            changed();
          }}
        />
      )}
      {open?.kind === "assign" && (
        <AssignDialog
          kind="PAK"
          ids={open.pakIds}
          label={open.label}
          targets={options.targets}
          testPrefix="s52"
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            setSelected(new Set());
            changed();
          }}
        />
      )}
      {open?.kind === "info" && <PakInfoDialog pakId={open.pakId} onClose={() => setOpen(null)} />}
    </section>
  );
}
