"use client";

import { useQuery } from "@tanstack/react-query";
import type { UsageFileDetailResponse } from "@/app/api/ui/usage-files/[id]/route";
import type { UsageFileStatus } from "@/lib/usage/query";
import { ReportingStatus } from "./reporting-status";

const th = "px-3 py-1.5 font-semibold";
const td = "px-3 py-1";

/** The S-26 expander: the members of a tar, the per-report table and the file's messages. */
export function UsageFileDetail({ fileId, status }: { fileId: string; status: UsageFileStatus }) {
  const polling = status === "PROCESSING";
  const query = useQuery<UsageFileDetailResponse>({
    // The row's status is part of the key: when processing ends, the final results are fetched.
    queryKey: ["usage-file", fileId, status],
    queryFn: async () => {
      const res = await fetch(`/api/ui/usage-files/${fileId}`);
      const body = await res.json();
      if (!res.ok) throw new Error(body.message ?? "The file could not be loaded.");
      return body;
    },
    refetchInterval: polling ? 2000 : false,
  });
  const data = query.data;
  if (query.isError) return <p role="alert" className="px-3 py-2 text-red-700">{(query.error as Error).message}</p>;
  if (!data) return <p className="px-3 py-2 text-slate-500">Loading…</p>;
  return (
    <div className="space-y-3 px-3 py-2" data-testid="s26-expansion">
      {data.members.length > 0 && (
        <table className="w-full text-left text-sm" aria-label={`Files in ${data.fileName}`}>
          <thead className="text-slate-600">
            <tr>
              <th scope="col" className={th}>File</th>
              <th scope="col" className={th}>Virtual Account</th>
              <th scope="col" className={th}>Reports</th>
              <th scope="col" className={th}>Reporting Status</th>
            </tr>
          </thead>
          <tbody>
            {data.members.map((m) => (
              <tr key={m.id} className="border-t border-slate-100">
                <td className={`${td} break-all`}>{m.name}</td>
                <td className={td}>{m.virtualAccount}</td>
                <td className={td}>{m.reports}</td>
                <td className={td}>
                  <ReportingStatus status={m.status} />
                </td>
              </tr>
            ))}
          </tbody>
          {data.totalMembers > data.members.length && (
            <tfoot>
              <tr>
                <td colSpan={4} className="px-3 py-1 text-slate-500">{`Showing ${data.members.length} of ${data.totalMembers} Rows`}</td>
              </tr>
            </tfoot>
          )}
        </table>
      )}
      <table className="w-full text-left text-sm" aria-label={`Reports in ${data.fileName}`}>
        <thead className="text-slate-600">
          <tr>
            {["Report Id", "UDI", "License", "Count", "Status", "Message"].map((h) => (
              <th key={h} scope="col" className={th}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.reports.map((r, i) => (
            <tr key={`${r.reportId}-${r.udi}-${i}`} className="border-t border-slate-100">
              <td className={td}>{r.reportId}</td>
              <td className={`${td} break-all`}>{r.udi}</td>
              <td className={td}>{r.license}</td>
              <td className={td}>{r.count}</td>
              <td className={`${td} ${r.status === "ERROR" ? "text-red-700" : ""}`}>{r.status}</td>
              <td className={td}>{r.message || "-"}</td>
            </tr>
          ))}
          {data.reports.length === 0 && (
            <tr>
              <td colSpan={6} className="px-3 py-2 text-center text-slate-500">
                No Records to Display
              </td>
            </tr>
          )}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={6} className="px-3 py-1 text-slate-500">
              {data.shownReports === data.totalReports ? `Showing all ${data.totalReports} Rows` : `Showing ${data.shownReports} of ${data.totalReports} Rows`}
            </td>
          </tr>
        </tfoot>
      </table>
      {data.messages.length > 0 && (
        <ul className="list-disc pl-6 text-sm text-slate-700" aria-label={`Messages for ${data.fileName}`}>
          {data.messages.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
