"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import type { CatalogueListResponse } from "@/app/api/ui/ops/catalogue/route";
import { Button } from "@/components/ui/button";
import { type Column, PagedTable } from "@/components/ui/paged-table";
import { SearchBox } from "@/components/ui/search-box";
import { SimpleTable } from "@/components/ui/simple-table";
import { usePagedList } from "@/components/ui/use-paged-list";
import { orDash } from "@/lib/format";
import { BILLING_LABELS, DURATION_LABELS, ENFORCEMENT_LABELS } from "@/lib/licensing/licenses";
import type { CatalogueMaps } from "@/lib/ops/catalogue";
import { CatalogueImportDialog } from "./catalogue-import-dialog";

const HEADERS: Column[] = [
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
].map((h) => ({ key: h, label: h, className: "whitespace-nowrap" }));
const cell = "px-3 py-1.5";
const yesNo = (b: boolean) => (b ? "Yes" : "No");

/** S-34 Catalogue: the D-5 license definitions and the D-27 maps, read-only, and `Import CSV...` (F-12a). */
export function CatalogueTab({ maps }: { maps: CatalogueMaps }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const [importing, setImporting] = useState(false);
  const list = usePagedList<CatalogueListResponse>({ queryKey: "ops-catalogue", path: "/api/ui/ops/catalogue", failure: "The catalogue could not be loaded." });

  return (
    <div className="space-y-6">
      <section aria-label="License Definitions" className="rounded border border-slate-200 bg-white">
        <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2">
          <Button variant="primary" onClick={() => setImporting(true)} data-testid="s34-import-csv">
            Import CSV...
          </Button>
          <div className="ml-auto">
            <SearchBox label="Search License Definitions" onSearch={list.search} testId="s34-search-license-definitions" />
          </div>
        </div>
        <PagedTable
          list={list}
          columns={HEADERS}
          label="License Definitions"
          testId="s34-license-definitions"
          paginationTestId="s34-license-definitions-pagination"
          scrollX
          rowKey={(r) => r.id}
          row={(r) => (
            <tr className="border-t border-slate-100">
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
          )}
        />
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
