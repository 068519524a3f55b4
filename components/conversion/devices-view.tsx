"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { DeviceListResponse } from "@/app/api/ui/conversion/devices/route";
import { Button } from "@/components/ui/button";
import { PagedTable } from "@/components/ui/paged-table";
import { SearchBox } from "@/components/ui/search-box";
import { usePagedList } from "@/components/ui/use-paged-list";
import { type DeviceRef, LicenseConversionWizard } from "./license-conversion-wizard";
import { LastUpdated } from "./paks-view";

const HEADERS = ["Device Identifier", "Product Family", "Eligible SKUs", "Virtual Account", "Actions"];
const PATH = "/api/ui/conversion/devices";

/** S-22 Convert Licenses: traditional devices of this Smart Account with licenses that have a smart equivalent. */
export function DevicesView({ smartAccountId, canConvert }: { smartAccountId: string; canConvert: boolean }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const list = usePagedList<DeviceListResponse>({ queryKey: PATH, path: PATH, filter: { sa: smartAccountId }, failure: "The devices could not be loaded." });
  const [wizard, setWizard] = useState<{ initial?: DeviceRef } | null>(null);
  const { query, data } = list;

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
            <SearchBox label="Search Device Identifier, Product Family, Virtual Account" onSearch={list.search} testId="s22-search-device-identifier-product-family-virtual-account" />
          </div>
        </div>
        <PagedTable
          list={list}
          columns={HEADERS}
          label="Devices"
          paginationTestId="s22-pagination"
          // S-22 shows both lines together for its empty table (004 ~L179).
          empty={
            <>
              <span className="block">No Records Found</span>
              <span className="block">No Records to Display</span>
            </>
          }
          emptyTestId="s22-empty"
          rowKey={(r) => r.id}
          row={(r) => (
            <tr className="border-t border-slate-100" data-testid={`s22-row-${r.udiSn}`}>
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
          )}
        />
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
