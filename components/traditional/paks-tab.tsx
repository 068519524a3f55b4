"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { hidePaksAction } from "@/app/(portal)/traditional/actions";
import type { PakListResponse } from "@/app/api/ui/traditional/paks/route";
import { Button } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { SearchBox } from "@/components/ui/search-box";
import { orDash } from "@/lib/format";
import { AddPaksDialog } from "./add-paks-dialog";
import { AssignDialog } from "./assign-dialog";
import { DropdownButton, RowMenu } from "./dropdown-button";
import { fetchJson } from "./fetch-json";
import { GetLicensesMenu, useGetLicenses } from "./get-licenses-menu";
import { PakInfoDialog } from "./pak-info-dialog";
import type { TraditionalOptions } from "./types";

type Open = { kind: "add" } | { kind: "assign"; pakIds: string[]; label: string } | { kind: "info"; pakId: string } | null;

const HEADERS = ["PAK/Token", "Virtual Account", "Order Number", "Product", "Status", "Used", "Available"];

/** S-52 PAKs or Tokens: toolbar, one row per PAK line, the circular row menu. */
export function PaksTab({ options }: { options: TraditionalOptions }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [q, setQ] = useState("");
  const [showFilter, setShowFilter] = useState(false);
  const [showHidden, setShowHidden] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<Open>(null);
  const [getLicenses, setGetLicenses] = useGetLicenses();

  const filter = new URLSearchParams({ showHidden: showHidden ? "1" : "0" });
  if (q) filter.set("q", q);
  const params = new URLSearchParams(filter);
  params.set("page", String(page));
  params.set("pageSize", String(pageSize));

  const query = useQuery({
    queryKey: ["trad-paks", params.toString()],
    queryFn: () => fetchJson<PakListResponse>(`/api/ui/traditional/paks?${params}`, "The PAKs could not be loaded."),
    placeholderData: keepPreviousData,
  });
  const data = query.data;
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
                setPage(1);
              },
            },
          ]}
        />
        <a
          href={`/api/ui/traditional/paks/csv?${filter}`}
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
            <SearchBox
              label="Filter by PAK, SKU, Order Number or Virtual Account"
              testId="s52-filter"
              onSearch={(value) => {
                setQ(value.trim());
                setPage(1);
              }}
            />
          </div>
        )}
      </div>
      {query.isError ? (
        <p role="alert" className="px-3 py-4 text-red-700">
          {(query.error as Error).message}
        </p>
      ) : (
        <table className="w-full text-left" aria-busy={query.isFetching} data-testid="s52-table">
          <thead className="bg-slate-100 text-slate-600">
            <tr>
              <th scope="col" className="w-8 px-3 py-2">
                <span className="sr-only">Select</span>
              </th>
              {HEADERS.map((h) => (
                <th key={h} scope="col" className="px-3 py-2">
                  {h}
                </th>
              ))}
              <th scope="col" className="w-12 px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data?.rows.map((r) => (
              <tr key={r.pakLineId} className={`border-t border-slate-100 align-top ${r.hidden ? "text-slate-400" : ""}`} data-testid="s52-row">
                <td className="px-3 py-1.5">
                  <input
                    type="checkbox"
                    aria-label={`Select ${r.pak}`}
                    checked={selected.has(r.pakId)}
                    onChange={(e) => {
                      const next = new Set(selected);
                      if (e.target.checked) next.add(r.pakId);
                      else next.delete(r.pakId);
                      setSelected(next);
                    }}
                  />
                </td>
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
            ))}
            {data && data.rows.length === 0 && (
              <tr>
                <td colSpan={HEADERS.length + 2} className="px-3 py-4 text-center text-slate-500">
                  {q ? "No Records Found" : "No Records to Display"}
                </td>
              </tr>
            )}
            {!data && (
              <tr>
                <td colSpan={HEADERS.length + 2} className="px-3 py-4 text-center text-slate-500">
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
          testId="s52-pagination"
        />
      )}
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
