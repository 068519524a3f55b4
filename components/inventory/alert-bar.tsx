"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { saveHideAlerts } from "@/app/(portal)/inventory/actions";
import { formatDate } from "@/lib/format";

export type PanelAlert = { id: string; severity: "MAJOR" | "MINOR" | "INFORMATIONAL"; message: string; actionDue: string | null; type?: string };

/** P-11: shortages and pending authorizations are due `Immediately`. */
const IMMEDIATE = new Set(["INSUFFICIENT_LICENSES", "AUTHORIZATION_PENDING"]);

const SEV = { MAJOR: "Major", MINOR: "Minor", INFORMATIONAL: "Informational" } as const;

/** S-6 counters `{M} Major | {m} Minor | Hide Alerts` and the VA alert panel. */
export function AlertBar({
  smartAccountId,
  vaId,
  major,
  minor,
  alerts,
  hidden: initiallyHidden,
}: {
  smartAccountId: string;
  vaId: string;
  major: number;
  minor: number;
  alerts: PanelAlert[];
  hidden: boolean;
}) {
  const [hidden, setHidden] = useState(initiallyHidden);
  const [filter, setFilter] = useState<"MAJOR" | "MINOR" | null>(null);
  const [, start] = useTransition();
  const toggleHidden = () => {
    const next = !hidden;
    setHidden(next);
    start(async () => {
      const r = await saveHideAlerts({ smartAccountId, hide: next });
      if (!r.ok) toast.error(r.error);
    });
  };
  const shown = alerts.filter((a) => !filter || a.severity === filter);
  return (
    <div className="mb-3">
      <div className="flex items-center gap-2" data-testid="s6-alert-counters">
        <button type="button" aria-pressed={filter === "MAJOR"} className="font-semibold text-major" onClick={() => setFilter(filter === "MAJOR" ? null : "MAJOR")}>
          {major} Major
        </button>
        <span className="text-slate-400">|</span>
        <button type="button" aria-pressed={filter === "MINOR"} className="font-semibold text-amber-700" onClick={() => setFilter(filter === "MINOR" ? null : "MINOR")}>
          {minor} Minor
        </button>
        <span className="text-slate-400">|</span>
        <button type="button" className="text-sky-700" onClick={toggleHidden} aria-expanded={!hidden} data-testid="s6-hide-alerts">
          {hidden ? "Hidden" : "Hide Alerts"}
        </button>
      </div>
      {!hidden && (
        <div className="mt-2 rounded border border-slate-200 bg-white" data-testid="s6-alert-panel">
          <table className="w-full text-left">
            <thead className="bg-slate-100 text-slate-600">
              <tr>
                <th className="px-3 py-1.5">Sev</th>
                <th className="px-3 py-1.5">Message</th>
                <th className="px-3 py-1.5">Action Due</th>
                <th className="px-3 py-1.5">Actions</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((a) => (
                <tr key={a.id} className="border-t border-slate-100">
                  <td className={a.severity === "MAJOR" ? "px-3 py-1.5 text-major" : "px-3 py-1.5 text-amber-700"}>{SEV[a.severity]}</td>
                  <td className="px-3 py-1.5">{a.message}</td>
                  <td className="px-3 py-1.5">{a.type && IMMEDIATE.has(a.type) ? "Immediately" : a.actionDue ? formatDate(a.actionDue) : "-"}</td>
                  <td className="px-3 py-1.5 text-slate-400">Actions</td>
                </tr>
              ))}
              {shown.length === 0 && (
                <tr>
                  <td colSpan={4} className="px-3 py-2 text-slate-500">
                    No Records to Display
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          <div className="border-t border-slate-100 px-3 py-1.5">
            <Link href={`/alerts?va=${vaId}`}>View All</Link>
          </div>
        </div>
      )}
    </div>
  );
}
