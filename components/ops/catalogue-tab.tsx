"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import type { CatalogueListResponse } from "@/app/api/ui/ops/catalogue/route";
import { Button } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { SearchBox } from "@/components/ui/search-box";
import { SimpleTable } from "@/components/ui/simple-table";
import { orDash } from "@/lib/format";
import { BILLING_LABELS, DURATION_LABELS, ENFORCEMENT_LABELS } from "@/lib/licensing/licenses";
import type { CatalogueMaps } from "@/lib/ops/catalogue";
import { CatalogueImportDialog } from "./catalogue-import-dialog";

const HEADERS = [
  "Display Name",
  "Short Tag",
  "Entitlement Tag",
  "Enforcement",
  "Duration",
  "Billing",
  "Tier Label",
  "Product Families",
  "Substitutes For",
  "Upgrade To",
  "PLR",
  "Reporting Only",
];
const cell = "px-3 py-1.5";
const yesNo = (b: boolean) => (b ? "Yes" : "No");

/** S-34 Catalogue: the D-5 license definitions and the D-27 maps, read-only, and `Import CSV...` (F-12a). */
export function CatalogueTab({ maps }: { maps: CatalogueMaps }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [importing, setImporting] = useState(false);

  const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  if (q) params.set("q", q);
  const query = useQuery<CatalogueListResponse>({
    queryKey: ["ops-catalogue", params.toString()],
    queryFn: async () => {
      const res = await fetch(`/api/ui/ops/catalogue?${params}`);
      const body = await res.json();
      if (!res.ok) throw new Error(body.message ?? "The catalogue could not be loaded.");
      return body;
    },
    placeholderData: keepPreviousData,
  });
  const data = query.data;

  return (
    <div className="space-y-6">
      <section aria-label="License Definitions" className="rounded border border-slate-200 bg-white">
        <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2">
          <Button variant="primary" onClick={() => setImporting(true)} data-testid="s34-import-csv">
            Import CSV...
          </Button>
          <div className="ml-auto">
            <SearchBox
              label="Search License Definitions"
              onSearch={(value) => {
                setQ(value.trim());
                setPage(1);
              }}
              testId="s34-search-license-definitions"
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
          <div className="overflow-x-auto">
            <table className="w-full text-left" aria-label="License Definitions" aria-busy={query.isFetching} data-testid="s34-license-definitions">
              <thead className="bg-slate-100 text-slate-600">
                <tr>
                  {HEADERS.map((h) => (
                    <th key={h} scope="col" className="whitespace-nowrap px-3 py-2">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data?.rows.map((r) => (
                  <tr key={r.id} className="border-t border-slate-100">
                    <td className={cell}>{r.displayName}</td>
                    <td className={cell}>{r.shortTag}</td>
                    <td className={`${cell} max-w-56 truncate font-mono text-xs`} title={r.entitlementTag}>
                      {r.entitlementTag}
                    </td>
                    <td className={cell}>{ENFORCEMENT_LABELS[r.enforcement]}</td>
                    <td className={cell}>{DURATION_LABELS[r.duration]}</td>
                    <td className={cell}>{BILLING_LABELS[r.billing]}</td>
                    <td className={cell}>{orDash(r.tierLabel)}</td>
                    <td className={cell}>{orDash(r.productFamilies.join("; "))}</td>
                    <td className={cell}>{orDash(r.substitutesFor)}</td>
                    <td className={cell}>{orDash(r.upgradeTo)}</td>
                    <td className={cell}>{yesNo(r.isPlr)}</td>
                    <td className={cell}>{yesNo(r.reportingOnly)}</td>
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
          </div>
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
            testId="s34-license-definitions-pagination"
          />
        )}
      </section>

      <MapSection title="Product Map">
        <SimpleTable label="Product Map" headers={["PID Pattern", "Product Type", "Product Description", "Product Family", "Software Tag"]} count={maps.products.length}>
          {maps.products.map((r) => (
            <tr key={r.id} className="border-t border-slate-100">
              <td className={`${cell} font-mono`}>{r.pidPattern}</td>
              <td className={cell}>{r.productType}</td>
              <td className={cell}>{orDash(r.productDescription)}</td>
              <td className={cell}>{orDash(r.productFamily)}</td>
              <td className={`${cell} max-w-56 truncate font-mono text-xs`} title={r.softwareTag ?? ""}>
                {orDash(r.softwareTag)}
              </td>
            </tr>
          ))}
        </SimpleTable>
      </MapSection>
      <MapSection title="HSEC Map">
        <SimpleTable label="HSEC Map" headers={["PID Pattern", "License", "Upgrade To"]} count={maps.hsec.length}>
          {maps.hsec.map((r) => (
            <tr key={r.id} className="border-t border-slate-100">
              <td className={`${cell} font-mono`}>{r.pidPattern}</td>
              <td className={cell}>{r.license}</td>
              <td className={cell}>{orDash(r.upgradeTarget)}</td>
            </tr>
          ))}
        </SimpleTable>
      </MapSection>
      <MapSection title="SKU Map">
        <SimpleTable label="SKU Map" headers={["SKU", "Product Family", "Feature Name", "Feature Version", "Smart Equivalent", "Evaluation Allowed"]} count={maps.skus.length}>
          {maps.skus.map((r) => (
            <tr key={r.id} className="border-t border-slate-100">
              <td className={cell}>{r.sku}</td>
              <td className={cell}>{orDash(r.productFamily)}</td>
              <td className={cell}>{r.featureName}</td>
              <td className={cell}>{r.featureVersion}</td>
              <td className={cell}>{orDash(r.smartEquivalent)}</td>
              <td className={cell}>{yesNo(r.evalAllowed)}</td>
            </tr>
          ))}
        </SimpleTable>
      </MapSection>

      {importing && (
        <CatalogueImportDialog
          onClose={() => setImporting(false)}
          onDone={(message) => {
            setImporting(false);
            toast.success(message);
            void queryClient.invalidateQueries({ queryKey: ["ops-catalogue"] });
            // The maps name definitions, which an import may have renamed.
            router.refresh();
          }}
        />
      )}
    </div>
  );
}

function MapSection({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title}>
      <h2 className="mb-2 text-base font-semibold">{title}</h2>
      {children}
    </section>
  );
}
