"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { emailLicenseLineAction } from "@/app/(portal)/traditional/actions";
import type { LicenseListResponse } from "@/app/api/ui/traditional/licenses/route";
import { ActionsMenu } from "@/components/ui/actions-menu";
import { Pagination } from "@/components/ui/pagination";
import { SearchBox } from "@/components/ui/search-box";
import { orDash } from "@/lib/format";
import { EmailDialog } from "./email-dialog";
import { downloadFile, fetchJson } from "./fetch-json";
import { ResendDialog } from "./resend-dialog";
import type { TraditionalOptions } from "./types";

type Row = LicenseListResponse["rows"][number];
type Open = { kind: "email"; line: Row } | { kind: "resend"; line: Row } | null;

const HEADERS = ["License", "Device", "Type", "Count", "Status", "Expires", "PAK", "Issued"];

/** S-55 Licenses: every line of the user's devices; W-47 look-up by UDI, serial number or PAK. */
export function LicensesTab({ options }: { options: TraditionalOptions }) {
  const queryClient = useQueryClient();
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [open, setOpen] = useState<Open>(null);

  const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  if (q) params.set("q", q);
  const query = useQuery({
    queryKey: ["trad-licenses", params.toString()],
    queryFn: () => fetchJson<LicenseListResponse>(`/api/ui/traditional/licenses?${params}`, "The licenses could not be loaded."),
    placeholderData: keepPreviousData,
  });
  const data = query.data;

  return (
    <section aria-label="Licenses" className="rounded border border-slate-200 bg-white">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2">
        <div className="ml-auto">
          <SearchBox
            label="Search by UDI, Serial Number or PAK"
            testId="s55-search-by-udi-serial-number-or-pak"
            onSearch={(value) => {
              setQ(value.trim());
              setPage(1);
            }}
          />
        </div>
      </div>
      {query.isError ? (
        <p role="alert" className="px-3 py-4 text-red-700">
          {(query.error as Error).message}
        </p>
      ) : (
        <table className="w-full text-left" aria-busy={query.isFetching} data-testid="s55-table">
          <thead className="bg-slate-100 text-slate-600">
            <tr>
              {HEADERS.map((h) => (
                <th key={h} scope="col" className="px-3 py-2">
                  {h}
                </th>
              ))}
              <th scope="col" className="w-28 px-3 py-2">
                Actions
              </th>
            </tr>
          </thead>
          <tbody>
            {data?.rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-100" data-testid="s55-row">
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
            ))}
            {data && data.rows.length === 0 && (
              <tr>
                <td colSpan={HEADERS.length + 1} className="px-3 py-4 text-center text-slate-500">
                  {q ? "No Records Found" : "No Records to Display"}
                </td>
              </tr>
            )}
          </tbody>
        </table>
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
          testId="s55-pagination"
        />
      )}
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
