"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { DeviceListResponse } from "@/app/api/ui/conversion/devices/route";
import { Button } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { SearchBox } from "@/components/ui/search-box";
import { type DeviceRef, LicenseConversionWizard } from "./license-conversion-wizard";
import { LastUpdated } from "./paks-view";
import { useConversionList } from "./use-list";

const HEADERS = ["Device Identifier", "Product Family", "Eligible SKUs", "Virtual Account", "Actions"];
const PATH = "/api/ui/conversion/devices";

/** S-22 Convert Licenses: traditional devices of this Smart Account with licenses that have a smart equivalent. */
export function DevicesView({ smartAccountId, canConvert }: { smartAccountId: string; canConvert: boolean }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const { query, search, pagination } = useConversionList<DeviceListResponse>(PATH, smartAccountId, "The devices could not be loaded.");
  const [wizard, setWizard] = useState<{ initial?: DeviceRef } | null>(null);
  const data = query.data;

  return (
    <>
      <p className="text-slate-700" data-testid="s22-intro">
        Convert the traditional licenses installed on a device to Smart Licenses. Pick a device below, or enter its UDI in the{" "}
        {canConvert ? (
          <Button variant="link" onClick={() => setWizard({})} data-testid="s22-license-conversion-wizard-link">
            License Conversion Wizard
          </Button>
        ) : (
          "License Conversion Wizard"
        )}
        .
      </p>
      <section aria-label="Convert Licenses" className="rounded border border-slate-200 bg-white">
        <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2">
          <LastUpdated value={data?.lastUpdated} busy={query.isFetching} onRefresh={() => void query.refetch()} testId="s22" />
          <div className="ml-auto">
            <SearchBox label="Search Device Identifier, Product Family, Virtual Account" onSearch={search} testId="s22-search-device-identifier-product-family-virtual-account" />
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
          <table className="w-full text-left" aria-label="Devices" aria-busy={query.isFetching}>
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
                <tr key={r.id} className="border-t border-slate-100" data-testid={`s22-row-${r.udiSn}`}>
                  <td className="px-3 py-1.5">{r.deviceIdentifier}</td>
                  <td className="px-3 py-1.5">{r.productFamily || "-"}</td>
                  <td className="px-3 py-1.5">{r.eligibleSkus.join(", ")}</td>
                  <td className="px-3 py-1.5">{r.virtualAccount ?? "-"}</td>
                  <td className="px-3 py-1.5">
                    {canConvert && (
                      <Button
                        variant="link"
                        onClick={() => setWizard({ initial: { family: r.productFamily, pid: r.udiPid, sn: r.udiSn } })}
                        data-testid="s22-convert-to-smart-licensing"
                      >
                        Convert to Smart Licensing
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
              {data && data.rows.length === 0 && (
                // S-22 shows both lines together for its empty table (004 ~L179).
                <tr>
                  <td colSpan={HEADERS.length} className="px-3 py-4 text-center text-slate-500" data-testid="s22-empty">
                    <span className="block">No Records Found</span>
                    <span className="block">No Records to Display</span>
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
        {data && <Pagination page={data.page} pageCount={data.pageCount} total={data.total} {...pagination} testId="s22-pagination" />}
      </section>
      {wizard && (
        <LicenseConversionWizard
          smartAccountId={smartAccountId}
          families={data?.families ?? []}
          initial={wizard.initial}
          onClose={() => setWizard(null)}
          onDone={() => {
            setWizard(null);
            void queryClient.invalidateQueries({ queryKey: [PATH] });
            void queryClient.invalidateQueries({ queryKey: ["licenses"] });
            router.refresh();
          }}
        />
      )}
    </>
  );
}
