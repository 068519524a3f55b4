"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { dismissAlertAction } from "@/app/(portal)/alerts/actions";
import { ActionsMenu, type MenuAction } from "@/components/ui/actions-menu";
import { Button } from "@/components/ui/button";
import { type Column, PagedTable } from "@/components/ui/paged-table";
import { SearchBox } from "@/components/ui/search-box";
import { usePagedList } from "@/components/ui/use-paged-list";
import type { AlertRow } from "@/lib/alerts/query";

type Severity = "MAJOR" | "MINOR" | "INFORMATIONAL";
type Page = { rows: AlertRow[]; total: number; page: number; pageSize: number; pageCount: number; counts: { major: number; minor: number } };

const SEVERITIES: { key: Severity; label: string }[] = [
  { key: "MAJOR", label: "Major" },
  { key: "MINOR", label: "Minor" },
  { key: "INFORMATIONAL", label: "Informational" },
];

const COLUMNS: Column[] = [
  { key: "Sev", label: "Sev", className: "w-36" },
  "Message",
  { key: "Source", label: "Source", className: "w-48" },
  { key: "Action Due", label: "Action Due", className: "w-32" },
  { key: "Actions", label: "Actions", className: "w-28" },
];

const SEV_STYLE: Record<Severity, { text: string; icon: string }> = {
  MAJOR: { text: "text-major", icon: "▲" },
  MINOR: { text: "text-amber-700", icon: "●" },
  INFORMATIONAL: { text: "text-sky-700", icon: "ℹ" },
};

/** S-5 Alerts: summary counters, severity toggles, VA filter, message search and the paginated table. */
export function AlertsView({
  smartAccountId,
  vaOptions,
  initialVa,
}: {
  smartAccountId: string;
  vaOptions: { id: string; name: string }[];
  initialVa: string;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [severities, setSeverities] = useState<Severity[]>(["MAJOR", "MINOR", "INFORMATIONAL"]);
  const [va, setVa] = useState(initialVa);
  const [showDismissed, setShowDismissed] = useState(false);
  const list = usePagedList<Page>({
    queryKey: "alerts",
    path: "/api/ui/alerts",
    filter: { sa: smartAccountId, sev: severities.join(","), va: va || undefined, dismissed: showDismissed ? "1" : undefined },
    failure: "The alerts could not be loaded.",
  });

  const dismiss = useMutation({
    mutationFn: (alertId: string) => dismissAlertAction({ alertId }),
    onSuccess: (r) => {
      if (!r.ok) toast.error(r.error);
      void queryClient.invalidateQueries({ queryKey: ["alerts"] });
      router.refresh();
    },
  });

  const reset = list.firstPage;
  const toggle = (s: Severity) => {
    setSeverities((cur) => (cur.includes(s) ? cur.filter((x) => x !== s) : SEVERITIES.map((x) => x.key).filter((k) => k === s || cur.includes(k))));
    reset();
  };
  const data = list.data;
  const searching = Boolean(list.q || va || severities.length < 3);

  return (
    <section aria-label="Alerts" className="space-y-3">
      <div className="flex items-center gap-4 text-base" data-testid="s5-summary">
        <span className="font-semibold text-major" data-testid="s5-major-count">
          {data ? `${data.counts.major} Major` : "…"}
        </span>
        <span className="font-semibold text-amber-700" data-testid="s5-minor-count">
          {data ? `${data.counts.minor} Minor` : "…"}
        </span>
      </div>
      <div className="rounded border border-slate-200 bg-white">
        <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2">
          <div role="group" aria-label="Severity" className="flex gap-1">
            {SEVERITIES.map((s) => (
              <Button
                key={s.key}
                aria-pressed={severities.includes(s.key)}
                onClick={() => toggle(s.key)}
                className={severities.includes(s.key) ? "border-sky-700 bg-sky-50 text-sky-800" : "text-slate-400"}
                data-testid={`s5-sev-${s.key.toLowerCase()}`}
              >
                {s.label}
              </Button>
            ))}
          </div>
          <label className="flex items-center gap-1">
            <span className="text-slate-600">Virtual Account</span>
            <select
              aria-label="Virtual Account"
              value={va}
              onChange={(e) => {
                setVa(e.target.value);
                reset();
              }}
              className="rounded border border-slate-300 px-2 py-1"
              data-testid="s5-virtual-account"
            >
              <option value="">All Virtual Accounts</option>
              {vaOptions.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          </label>
          <SearchBox label="Search by Message" onSearch={list.search} testId="s5-search-by-message" />
          <label className="ml-auto flex items-center gap-1 text-slate-700">
            <input
              type="checkbox"
              checked={showDismissed}
              onChange={(e) => {
                setShowDismissed(e.target.checked);
                reset();
              }}
              data-testid="s5-show-dismissed"
            />
            Show dismissed alerts
          </label>
        </div>
        <PagedTable
          list={list}
          columns={COLUMNS}
          paginationTestId="s5-pagination"
          searching={searching}
          busy={list.query.isFetching || dismiss.isPending}
          rowKey={(a) => a.id}
          row={(a) => {
            const actions: MenuAction[] = [];
            if (a.canDismiss) actions.push({ label: "Dismiss", onSelect: () => dismiss.mutate(a.id) });
            if (a.remedy) {
              const href = a.remedy.href;
              actions.push({ label: a.remedy.label, onSelect: () => router.push(href) });
            }
            return (
              <tr className={`border-t border-slate-100 ${a.dismissed ? "text-slate-400" : ""}`} data-testid="s5-alert-row">
                <td className={`whitespace-nowrap px-3 py-1.5 ${SEV_STYLE[a.severity].text}`}>
                  <span aria-hidden="true">{SEV_STYLE[a.severity].icon}</span> {a.severityLabel}
                </td>
                <td className="px-3 py-1.5">
                  {a.messageHref ? (
                    <Link href={a.messageHref} className="font-medium">
                      {a.label}
                    </Link>
                  ) : (
                    <span className="font-medium">{a.label}</span>
                  )}
                  {a.dismissed && <span className="ml-2 text-xs">(Dismissed)</span>}
                  <div className="max-w-2xl truncate text-slate-600" title={a.message}>
                    {a.message}
                  </div>
                </td>
                <td className="px-3 py-1.5">{a.source.href ? <Link href={a.source.href}>{a.source.name}</Link> : a.source.name}</td>
                <td className="whitespace-nowrap px-3 py-1.5">{a.actionDue}</td>
                <td className="px-3 py-1.5">
                  <ActionsMenu actions={actions} />
                </td>
              </tr>
            );
          }}
        />
      </div>
    </section>
  );
}
