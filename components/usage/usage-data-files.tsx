"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import type { UsageFileListResponse } from "@/app/api/ui/usage-files/route";
import { Button } from "@/components/ui/button";
import { type Column, PagedTable } from "@/components/ui/paged-table";
import { SearchBox } from "@/components/ui/search-box";
import { usePagedList } from "@/components/ui/use-paged-list";
import { ReportingStatus } from "./reporting-status";
import { SelectVirtualAccountsDialog } from "./select-virtual-accounts-dialog";
import { type UploadResult, UploadUsageDialog } from "./upload-usage-dialog";
import { UsageFileDetail } from "./usage-file-detail";

type Row = UsageFileListResponse["rows"][number];
const COLUMNS: Column[] = [
  { key: "expand", label: "+", className: "w-10" },
  ...["Usage Data File", "Reported", "Virtual Account", "Reporting Status", "Devices", "Acknowledged"],
];

/** S-26 Reports › Usage Data Files: upload, the newest-first table with its expander, polling while files process. */
export function UsageDataFiles({ smartAccountId, maxUploadMb }: { smartAccountId: string; maxUploadMb: number }) {
  const queryClient = useQueryClient();
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [uploading, setUploading] = useState(false);
  const [selecting, setSelecting] = useState<string | null>(null);

  const list = usePagedList<UsageFileListResponse>({
    queryKey: "usage-files",
    path: "/api/ui/usage-files",
    filter: { sa: smartAccountId },
    failure: "The usage data files could not be loaded.",
    // §0.5: poll while any file is still being processed.
    refetchInterval: (data) => (data?.rows.some((r) => r.status === "PROCESSING") ? 2000 : false),
  });
  const data = list.data;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ["usage-files"] });
    void queryClient.invalidateQueries({ queryKey: ["usage-file"] });
    void queryClient.invalidateQueries({ queryKey: ["usage-file-assignment"] });
  };

  const uploaded = (result: UploadResult) => {
    setUploading(false);
    toast.success(`Usage data file "${result.fileName}" was uploaded.`);
    list.firstPage();
    refresh();
    if (result.status === "AWAITING_VA") setSelecting(result.id);
  };
  const toggle = (id: string) =>
    setExpanded((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const vaCell = (r: Row) => {
    if (r.status !== "AWAITING_VA") return r.virtualAccounts.join(", ") || "-";
    if (!data?.canUpload) return "-";
    return (
      <Button variant="link" onClick={() => setSelecting(r.id)} data-testid="s26-select">
        Select...
      </Button>
    );
  };
  const ackCell = (r: Row) => {
    if (r.status === "PROCESSING" || r.status === "AWAITING_VA") return "Pending";
    if (!r.hasAck || !r.canDownload) return "-";
    return (
      <a href={`/api/ui/usage-files/${r.id}/ack`} download onClick={() => setTimeout(refresh, 500)} data-testid="s26-download">
        Download
      </a>
    );
  };

  return (
    <section aria-label="Usage Data Files" className="space-y-3">
      <p className="text-slate-700">
        Devices report the features they use, and that usage decides which licenses you need to stay compliant.
        <br />
        Upload the usage files your devices or License Utility produced, then download the signed acknowledgement for each.
      </p>
      <div className="rounded border border-slate-200 bg-white">
        <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 px-3 py-2">
          {data?.canUpload && (
            <Button variant="primary" onClick={() => setUploading(true)} data-testid="s26-upload-usage-data">
              Upload Usage Data...
            </Button>
          )}
          <Link href="/reports/usage-data-files/signing-keys" data-testid="s26-signing-keys">
            Signing Keys
          </Link>
          <div className="ml-auto">
            <SearchBox label="Search by File Name, Virtual Account" onSearch={list.search} testId="s26-search-by-file-name-virtual-account" />
          </div>
        </div>
        <PagedTable
          list={list}
          columns={COLUMNS}
          label="Usage Data Files"
          testId="s26-table"
          paginationTestId="s26-pagination"
          rowKey={(r) => r.id}
          row={(r) => (
            <>
              <tr className="border-t border-slate-100" data-testid="s26-row">
                <td className="px-3 py-1.5">
                  <button
                    type="button"
                    className="w-6 rounded border border-slate-300 text-slate-600 hover:bg-slate-100"
                    aria-expanded={expanded.has(r.id)}
                    aria-label={`${expanded.has(r.id) ? "Collapse" : "Expand"} ${r.fileName}`}
                    onClick={() => toggle(r.id)}
                    data-testid="s26-expand"
                  >
                    {expanded.has(r.id) ? "−" : "+"}
                  </button>
                </td>
                <td className="max-w-0 truncate px-3 py-1.5" title={r.fileName}>
                  {r.fileName}
                </td>
                <td className="whitespace-nowrap px-3 py-1.5" title={r.reportedFull}>
                  {r.reported}
                </td>
                <td className="px-3 py-1.5">{vaCell(r)}</td>
                <td className="px-3 py-1.5">
                  <ReportingStatus status={r.status} />
                </td>
                <td className="px-3 py-1.5">{r.deviceCount}</td>
                <td className="px-3 py-1.5">{ackCell(r)}</td>
              </tr>
              {expanded.has(r.id) && (
                <tr className="bg-slate-50">
                  <td colSpan={7}>
                    <UsageFileDetail fileId={r.id} status={r.status} />
                  </td>
                </tr>
              )}
            </>
          )}
        />
      </div>
      {uploading && <UploadUsageDialog smartAccountId={smartAccountId} maxUploadMb={maxUploadMb} onClose={() => setUploading(false)} onUploaded={uploaded} />}
      {selecting && (
        <SelectVirtualAccountsDialog
          fileId={selecting}
          onClose={() => {
            setSelecting(null);
            refresh();
          }}
          onDone={() => {
            setSelecting(null);
            refresh();
          }}
        />
      )}
    </section>
  );
}
