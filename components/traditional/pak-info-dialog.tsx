"use client";

import { useQuery } from "@tanstack/react-query";
import type { PakInformationResponse } from "@/app/api/ui/traditional/paks/[id]/route";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { formatDate, orDash } from "@/lib/format";
import { fetchJson } from "./fetch-json";

/** S-52 `Get PAK or Token Information...`. */
export function PakInfoDialog({ pakId, onClose }: { pakId: string; onClose: () => void }) {
  const query = useQuery({
    queryKey: ["trad-pak", pakId],
    queryFn: () => fetchJson<PakInformationResponse>(`/api/ui/traditional/paks/${pakId}`, "The PAK could not be loaded."),
  });
  const p = query.data;
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="PAK or Token Information"
      wide
      testId="s52-pak-information-dialog"
      footer={
        <Button variant="primary" onClick={onClose} data-testid="s52-pak-information-close">
          Close
        </Button>
      }
    >
      {query.isError && <p role="alert" className="text-red-700">{(query.error as Error).message}</p>}
      {p && (
        <>
          <dl className="mb-3 grid grid-cols-[12rem_1fr] gap-x-3 gap-y-1">
            {(
              [
                ["PAK/Token:", p.pak],
                ["Type:", p.type],
                ["Order Number:", orDash(p.orderNumber)],
                ["Order Date:", formatDate(p.orderDate)],
                ["Owner:", orDash(p.owner)],
                ["Smart Account:", p.smartAccountName ?? "Not Assigned"],
                ["Virtual Account:", orDash(p.virtualAccountName)],
                ["Partial Fulfillment:", p.partialFulfillment ? "Allowed" : "Not Allowed"],
                ["Status:", p.status],
              ] as const
            ).map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-slate-600">{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          <table className="w-full text-left" aria-label="PAK lines">
            <thead className="bg-slate-100 text-slate-600">
              <tr>
                {["SKU", "Description", "Ordered", "Fulfilled", "Converted", "Available", "Status"].map((h) => (
                  <th key={h} scope="col" className="px-2 py-1.5">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {p.lines.map((l) => (
                <tr key={l.sku} className="border-t border-slate-100">
                  <td className="px-2 py-1.5 font-mono">{l.sku}</td>
                  <td className="px-2 py-1.5">{l.description}</td>
                  <td className="px-2 py-1.5">{l.ordered}</td>
                  <td className="px-2 py-1.5">{l.fulfilled}</td>
                  <td className="px-2 py-1.5">{l.converted}</td>
                  <td className="px-2 py-1.5">{l.available}</td>
                  <td className="px-2 py-1.5">{l.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Dialog>
  );
}
