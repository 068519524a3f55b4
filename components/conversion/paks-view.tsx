"use client";

import { useQueryClient } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { PakListResponse } from "@/app/api/ui/conversion/paks/route";
import { Button } from "@/components/ui/button";
import { PagedTable } from "@/components/ui/paged-table";
import { SearchBox } from "@/components/ui/search-box";
import { usePagedList } from "@/components/ui/use-paged-list";
import { ConvertPakWizard } from "./convert-pak-wizard";

const HEADERS = ["PAK", "SKUs", "Order Number", "Order Date", "Virtual Account", "Status", "Actions"];
const PATH = "/api/ui/conversion/paks";

/** `Last Updated : {ts}` and the refresh icon (S-21, S-22). */
export function LastUpdated({ value, onRefresh, busy, testId }: { value?: string; onRefresh: () => void; busy: boolean; testId: string }) {
  return (
    <span className="flex items-center gap-1 text-slate-600">
      <span data-testid={`${testId}-last-updated`}>Last Updated : {value ?? "-"}</span>
      <button type="button" aria-label="Refresh" title="Refresh" onClick={onRefresh} className="rounded p-1 hover:bg-slate-100" data-testid={`${testId}-refresh`}>
        <RefreshCw size={14} className={busy ? "animate-spin" : undefined} aria-hidden="true" />
      </button>
    </span>
  );
}

/** S-21 Convert PAKs: the PAKs assigned to this Smart Account, and the conversion wizard. */
export function PaksView({ smartAccountId, autoConversion, canConvert }: { smartAccountId: string; autoConversion: boolean; canConvert: boolean }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const list = usePagedList<PakListResponse>({ queryKey: PATH, path: PATH, filter: { sa: smartAccountId }, failure: "The PAKs could not be loaded." });
  const [open, setOpen] = useState<string | null>(null);
  const { query, data } = list;

  return (
    <>
      <p className="text-slate-700" data-testid="s21-intro">
        The PAKs below are assigned to this Smart Account. Convert their licenses to Smart Licenses and add them to a virtual account. If a PAK is
        missing, assign it to this Smart Account in Traditional Licensing first.
      </p>
      {autoConversion && (
        <p role="status" className="rounded border border-sky-200 bg-sky-50 px-3 py-2 text-sky-900" data-testid="s21-auto-conversion">
          Automatic conversion is turned on for this Smart Account: new PAKs assigned to it are converted to Smart Licenses without a visit to this page.
        </p>
      )}
      <section aria-label="Convert PAKs" className="rounded border border-slate-200 bg-white">
        <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2">
          <LastUpdated value={data?.lastUpdated} busy={query.isFetching} onRefresh={() => void query.refetch()} testId="s21" />
          <div className="ml-auto">
            <SearchBox label="Search PAK, SKU, Virtual Account or Order Number" onSearch={list.search} testId="s21-search-pak-sku-virtual-account-or-order-number" />
          </div>
        </div>
        <PagedTable
          list={list}
          columns={HEADERS}
          label="PAKs"
          paginationTestId="s21-pagination"
          rowKey={(r) => r.id}
          row={(r) => (
            <tr className="border-t border-slate-100 align-top" data-testid={`s21-row-${r.pak}`}>
              <td className="px-3 py-1.5 font-mono">{r.pak}</td>
              <td className="px-3 py-1.5">
                {r.skus.map((s) => (
                  <span key={s} className="block">
                    {s}
                  </span>
                ))}
              </td>
              <td className="px-3 py-1.5">{r.orderNumber ?? "-"}</td>
              <td className="whitespace-nowrap px-3 py-1.5">{r.orderDate}</td>
              <td className="px-3 py-1.5">{r.virtualAccount ?? "-"}</td>
              <td className="px-3 py-1.5" data-testid="s21-status">
                {r.status}
              </td>
              <td className="px-3 py-1.5">
                {r.convertible && canConvert && (
                  <Button variant="link" onClick={() => setOpen(r.id)} data-testid="s21-convert-to-smart-licenses">
                    Convert to Smart Licenses
                  </Button>
                )}
              </td>
            </tr>
          )}
        />
      </section>
      {open && (
        <ConvertPakWizard
          pakId={open}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            void queryClient.invalidateQueries({ queryKey: [PATH] });
            void queryClient.invalidateQueries({ queryKey: ["licenses"] });
            router.refresh();
          }}
        />
      )}
    </>
  );
}
