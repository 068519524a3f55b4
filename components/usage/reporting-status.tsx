import type { UsageFileStatus } from "@/lib/usage/query";

const STATUS: Record<UsageFileStatus, { label: string; className: string }> = {
  PROCESSING: { label: "⚠ Data Being Processed", className: "text-amber-700" },
  NO_ERRORS: { label: "ℹ No Errors", className: "text-sky-700" },
  ERRORS: { label: "⚠ Errors", className: "text-red-700" },
  AWAITING_VA: { label: "Awaiting Virtual Account", className: "text-slate-500" },
};

/** S-26 `Reporting Status` with its colour. */
export function ReportingStatus({ status }: { status: UsageFileStatus }) {
  const s = STATUS[status];
  return <span className={`whitespace-nowrap font-medium ${s.className}`}>{s.label}</span>;
}
