"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { emailLicenseLineAction } from "@/app/(portal)/traditional/actions";
import type { LicenseListResponse } from "@/app/api/ui/traditional/licenses/route";
import { ActionsMenu } from "@/components/ui/actions-menu";
import { type Column, PagedTable } from "@/components/ui/paged-table";
import { SearchBox } from "@/components/ui/search-box";
import { usePagedList } from "@/components/ui/use-paged-list";
import { orDash } from "@/lib/format";
import { EmailDialog } from "./email-dialog";
import { downloadFile } from "./fetch-json";
import { ResendDialog } from "./resend-dialog";
import type { TraditionalOptions } from "./types";

type Row = LicenseListResponse["rows"][number];
type Open = { kind: "email"; line: Row } | { kind: "resend"; line: Row } | null;

const COLUMNS: Column[] = [
  ...["License", "Device", "Type", "Count", "Status", "Expires", "PAK", "Issued"],
  { key: "actions", label: "Actions", className: "w-28" },
];

/** S-55 Licenses: every line of the user's devices; W-47 look-up by UDI, serial number or PAK. */
export function LicensesTab({ options }: { options: TraditionalOptions }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Open>(null);
  const list = usePagedList<LicenseListResponse>({ queryKey: "trad-licenses", path: "/api/ui/traditional/licenses", failure: "The licenses could not be loaded." });

  return (
    <section aria-label="Licenses" className="rounded border border-slate-200 bg-white">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2">
        <div className="ml-auto">
          <SearchBox label="Search by UDI, Serial Number or PAK" testId="s55-search-by-udi-serial-number-or-pak" onSearch={list.search} />
        </div>
      </div>
      <PagedTable
        list={list}
        columns={COLUMNS}
        testId="s55-table"
        paginationTestId="s55-pagination"
        rowKey={(r) => r.id}
        row={(r) => (
          <tr className="border-t border-slate-100" data-testid="s55-row">
            <td className="px-3 py-1.5">{r.feature}</td>
            <td className="px-3 py-1.5 font-mono">{r.udi}</td>
            <td className="px-3 py-1.5">{r.type}</td>
            <td className="px-3 py-1.5">{r.count ?? "Uncounted"}</td>
            <td className="px-3 py-1.5">{r.status}</td>
            <td className="whitespace-nowrap px-3 py-1.5">{r.expiresAt}</td>
            <td className="px-3 py-1.5 font-mono">{orDash(r.pak)}</td>
            <td className="whitespace-nowrap px-3 py-1.5">{r.issuedAt}</td>
            <td className="px-3 py-1.5">
              <ActionsMenu
                actions={
                  r.downloadable
                    ? [
                        { label: "Download", onSelect: () => downloadFile(`/api/ui/traditional/lines/${r.id}`) },
                        { label: "Email", onSelect: () => setOpen({ kind: "email", line: r }) },
                        { label: "Resend All for Device", onSelect: () => setOpen({ kind: "resend", line: r }) },
                      ]
                    : []
                }
              />
            </td>
          </tr>
        )}
      />
      {open?.kind === "email" && (
        <EmailDialog
          title="Email License"
          defaultTo={options.userEmail}
          testId="s55-email-license"
          send={(to) => emailLicenseLineAction({ lineId: open.line.id, sendTo: to })}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === "resend" && (
        <ResendDialog
          device={{ id: open.line.deviceId, udi: open.line.udi }}
          userEmail={options.userEmail}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            void queryClient.invalidateQueries({ queryKey: ["trad-transactions"] });
          }}
        />
      )}
    </section>
  );
}
