"use client";

import type { PakInformationResponse } from "@/app/api/ui/traditional/paks/[id]/route";
import { formatDate, orDash } from "@/lib/format";
import { InfoDialog } from "./info-dialog";

/** S-52 `Get PAK or Token Information...`. */
export function PakInfoDialog({ pakId, onClose }: { pakId: string; onClose: () => void }) {
  return (
    <InfoDialog<PakInformationResponse>
      title="PAK or Token Information"
      testId="s52-pak-information"
      queryKey={["trad-pak", pakId]}
      url={`/api/ui/traditional/paks/${pakId}`}
      failure="The PAK could not be loaded."
      onClose={onClose}
      facts={(p) => [
        ["PAK/Token:", p.pak],
        ["Type:", p.type],
        ["Order Number:", orDash(p.orderNumber)],
        ["Order Date:", formatDate(p.orderDate)],
        ["Owner:", orDash(p.owner)],
        ["Smart Account:", p.smartAccountName ?? "Not Assigned"],
        ["Virtual Account:", orDash(p.virtualAccountName)],
        ["Partial Fulfillment:", p.partialFulfillment ? "Allowed" : "Not Allowed"],
        ["Status:", p.status],
      ]}
      table={{
        label: "PAK lines",
        headers: ["SKU", "Description", "Ordered", "Fulfilled", "Converted", "Available", "Status"],
        rows: (p) =>
          p.lines.map((l) => (
            <tr key={l.sku} className="border-t border-slate-100">
              <td className="px-2 py-1.5 font-mono">{l.sku}</td>
              <td className="px-2 py-1.5">{l.description}</td>
              <td className="px-2 py-1.5">{l.ordered}</td>
              <td className="px-2 py-1.5">{l.fulfilled}</td>
              <td className="px-2 py-1.5">{l.converted}</td>
              <td className="px-2 py-1.5">{l.available}</td>
              <td className="px-2 py-1.5">{l.status}</td>
            </tr>
          )),
      }}
    />
  );
}
