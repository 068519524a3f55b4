"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { TransactionListResponse } from "@/app/api/ui/traditional/transactions/route";
import { Button } from "@/components/ui/button";
import { PagedTable } from "@/components/ui/paged-table";
import { usePagedList } from "@/components/ui/use-paged-list";
import { type RehostResume, RehostWizard } from "./rehost-wizard";
import type { TraditionalOptions } from "./types";

const HEADERS = ["Date", "Transaction", "PAK/Device", "Details", "User", "Status", "Actions"];

/** S-58 Transactions History; `Continue...` resumes an unfinished rehost (S-56). */
export function TransactionsTab({ options }: { options: TraditionalOptions }) {
  const queryClient = useQueryClient();
  const [resume, setResume] = useState<RehostResume | null>(null);
  const list = usePagedList<TransactionListResponse>({
    queryKey: "trad-transactions",
    path: "/api/ui/traditional/transactions",
    failure: "The transactions could not be loaded.",
  });

  return (
    <section aria-label="Transactions History" className="rounded border border-slate-200 bg-white">
      <PagedTable
        list={list}
        columns={HEADERS}
        testId="s58-table"
        paginationTestId="s58-pagination"
        rowKey={(r) => r.id}
        row={(r) => (
          <tr className="border-t border-slate-100 align-top" data-testid="s58-row">
            <td className="whitespace-nowrap px-3 py-1.5">{r.date}</td>
            <td className="px-3 py-1.5">{r.transaction}</td>
            <td className="px-3 py-1.5 font-mono">
              {r.pak && <div>{r.pak}</div>}
              {r.device && <div>{r.device}</div>}
              {!r.pak && !r.device && "-"}
            </td>
            <td className="px-3 py-1.5">{r.details}</td>
            <td className="px-3 py-1.5">{r.user}</td>
            <td className="px-3 py-1.5">{r.status}</td>
            <td className="px-3 py-1.5">
              {r.canContinue && r.rehostId && r.device && (
                <Button
                  variant="link"
                  data-testid="s58-continue"
                  onClick={() => {
                    const [pid, sn] = [r.device!.slice(0, r.device!.indexOf(":")), r.device!.slice(r.device!.indexOf(":") + 1)];
                    setResume({ rehostId: r.rehostId!, source: { pid, sn } });
                  }}
                >
                  Continue...
                </Button>
              )}
            </td>
          </tr>
        )}
      />
      {resume && (
        <RehostWizard
          resume={resume}
          userEmail={options.userEmail}
          onClose={() => setResume(null)}
          onDone={() => void queryClient.invalidateQueries({ queryKey: ["trad-transactions"] })}
        />
      )}
    </section>
  );
}
