"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import type { PakListResponse } from "@/app/api/ui/ops/paks/route";
import { Button } from "@/components/ui/button";
import { PagedTable } from "@/components/ui/paged-table";
import { SearchBox } from "@/components/ui/search-box";
import { usePagedList } from "@/components/ui/use-paged-list";
import { orDash } from "@/lib/format";
import type { PakFormChoices } from "@/lib/ops/paks";
import { NewPakDialog } from "./new-pak-dialog";

const HEADERS = ["PAK", "Type", "Order Number", "Owner", "Smart Account", "Virtual Account", "Partial Fulfillment", "Lines", "Status"];

/** S-34 PAKs: the D-17 PAKs, searchable and paginated, and `New PAK...`. */
export function PaksTab({ choices }: { choices: PakFormChoices }) {
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const list = usePagedList<PakListResponse>({ queryKey: "ops-paks", path: "/api/ui/ops/paks", failure: "The PAKs could not be loaded." });

  return (
    <section aria-label="PAKs" className="rounded border border-slate-200 bg-white">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2">
        <Button variant="primary" onClick={() => setCreating(true)} data-testid="s34-new-pak">
          New PAK...
        </Button>
        <div className="ml-auto">
          <SearchBox label="Search PAKs" onSearch={list.search} testId="s34-search-paks" />
        </div>
      </div>
      <PagedTable
        list={list}
        columns={HEADERS}
        label="PAKs"
        testId="s34-paks-table"
        paginationTestId="s34-paks-pagination"
        rowKey={(r) => r.id}
        row={(r) => (
          <tr className="border-t border-slate-100" data-testid={`s34-pak-${r.pak}`}>
            <td className="px-3 py-1.5 font-mono">{r.pak}</td>
            <td className="px-3 py-1.5">{r.type}</td>
            <td className="px-3 py-1.5">{orDash(r.orderNumber)}</td>
            <td className="px-3 py-1.5">{orDash(r.owner)}</td>
            <td className="px-3 py-1.5">{orDash(r.smartAccount)}</td>
            <td className="px-3 py-1.5">{orDash(r.virtualAccount)}</td>
            <td className="px-3 py-1.5">{r.partialFulfillment ? "Allowed" : "Not Allowed"}</td>
            <td className="max-w-xs truncate px-3 py-1.5" title={r.lines}>
              {r.lines}
            </td>
            <td className="whitespace-nowrap px-3 py-1.5">{r.status}</td>
          </tr>
        )}
      />
      {creating && (
        <NewPakDialog
          choices={choices}
          onClose={() => setCreating(false)}
          onDone={(pak) => {
            setCreating(false);
            toast.success(`PAK ${pak} was created.`);
            void queryClient.invalidateQueries({ queryKey: ["ops-paks"] });
          }}
        />
      )}
    </section>
  );
}
