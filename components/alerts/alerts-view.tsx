"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { dismissAlertAction } from "@/app/(portal)/alerts/actions";
import { ActionsMenu, type MenuAction } from "@/components/ui/actions-menu";
import { Button } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { SearchBox } from "@/components/ui/search-box";
import type { AlertRow } from "@/lib/alerts/query";

type Severity = "MAJOR" | "MINOR" | "INFORMATIONAL";
type Page = { rows: AlertRow[]; total: number; page: number; pageSize: number; pageCount: number; counts: { major: number; minor: number } };

const SEVERITIES: { key: Severity; label: string }[] = [
  { key: "MAJOR", label: "Major" },
  { key: "MINOR", label: "Minor" },
  { key: "INFORMATIONAL", label: "Informational" },
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
  const [q, setQ] = useState("");
  const [showDismissed, setShowDismissed] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);

  const params = new URLSearchParams({ sa: smartAccountId, sev: severities.join(","), page: String(page), pageSize: String(pageSize) });
  if (va) params.set("va", va);
  if (q) params.set("q", q);
  if (showDismissed) params.set("dismissed", "1");

  const query = useQuery<Page>({
    queryKey: ["alerts", params.toString()],
    queryFn: async () => {
      const res = await fetch(`/api/ui/alerts?${params}`);
      const body = await res.json();
      if (!res.ok) throw new Error(body.message ?? "The alerts could not be loaded.");
      return body;
    },
    placeholderData: keepPreviousData,
  });

  const dismiss = useMutation({
    mutationFn: (alertId: string) => dismissAlertAction({ alertId }),
    onSuccess: (r) => {
      if (!r.ok) toast.error(r.error);
      void queryClient.invalidateQueries({ queryKey: ["alerts"] });
      router.refresh();
    },
  });

  const reset = () => setPage(1);
  const toggle = (s: Severity) => {
    setSeverities((cur) => (cur.includes(s) ? cur.filter((x) => x !== s) : SEVERITIES.map((x) => x.key).filter((k) => k === s || cur.includes(k))));
    reset();
  };
  const data = query.data;
  const searching = Boolean(q || va || severities.length < 3);

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
          <SearchBox
            label="Search by Message"
            onSearch={(value) => {
              setQ(value.trim());
              reset();
            }}
            testId="s5-search-by-message"
          />
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
        {query.isError ? (
          <p role="alert" className="px-3 py-4 text-red-700">
            {(query.error as Error).message}{" "}
            <Button variant="link" onClick={() => query.refetch()}>
              Try again
            </Button>
          </p>
        ) : (
          <table className="w-full text-left" aria-busy={query.isFetching || dismiss.isPending}>
            <thead className="bg-slate-100 text-slate-600">
              <tr>
                <th scope="col" className="w-36 px-3 py-2">Sev</th>
                <th scope="col" className="px-3 py-2">Message</th>
                <th scope="col" className="w-48 px-3 py-2">Source</th>
                <th scope="col" className="w-32 px-3 py-2">Action Due</th>
                <th scope="col" className="w-28 px-3 py-2">Actions</th>
              </tr>
            </thead>
            <tbody>
              {data?.rows.map((a) => {
                const actions: MenuAction[] = [];
                if (a.canDismiss) actions.push({ label: "Dismiss", onSelect: () => dismiss.mutate(a.id) });
                if (a.remedy) {
                  const href = a.remedy.href;
                  actions.push({ label: a.remedy.label, onSelect: () => router.push(href) });
                }
                return (
                  <tr key={a.id} className={`border-t border-slate-100 ${a.dismissed ? "text-slate-400" : ""}`} data-testid="s5-alert-row">
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
              })}
              {data && data.rows.length === 0 && (
                <tr>
                  <td colSpan={5} className="px-3 py-4 text-center text-slate-500">
                    {searching ? "No Records Found" : "No Records to Display"}
                  </td>
                </tr>
              )}
              {!data && (
                <tr>
                  <td colSpan={5} className="px-3 py-4 text-center text-slate-500">
                    Loading…
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
            testId="s5-pagination"
          />
        )}
      </div>
    </section>
  );
}
