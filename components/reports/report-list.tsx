"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { downloadFile } from "@/components/ui/download";
import { REPORT_KEYS, REPORTS, type ReportFormat, type ReportKey } from "@/lib/reports/definitions";
import { runReportQuery, SELECT_A_VIRTUAL_ACCOUNT } from "@/lib/reports/schemas";

type Va = { id: string; name: string };

/** S-25 Reports › Report: the three reports; a name opens `Run Report`. */
export function ReportList({ smartAccountId, vas }: { smartAccountId: string; vas: Va[] }) {
  const [running, setRunning] = useState<ReportKey | null>(null);
  return (
    <section aria-label="Report">
      <table className="w-full rounded border border-slate-200 bg-white text-left" aria-label="Reports">
        <thead className="bg-slate-100 text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">
              Name
            </th>
            <th scope="col" className="px-3 py-2">
              Description
            </th>
          </tr>
        </thead>
        <tbody>
          {REPORT_KEYS.map((key) => (
            <tr key={key} className="border-t border-slate-100">
              <td className="px-3 py-1.5">
                <Button variant="link" data-testid={`s25-report-${key}`} onClick={() => setRunning(key)}>
                  {REPORTS[key].name}
                </Button>
              </td>
              <td className="px-3 py-1.5">{REPORTS[key].description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {running && <RunReportDialog report={running} smartAccountId={smartAccountId} vas={vas} onClose={() => setRunning(null)} />}
    </section>
  );
}

function RunReportDialog({ report, smartAccountId, vas, onClose }: { report: ReportKey; smartAccountId: string; vas: Va[]; onClose: () => void }) {
  const [all, setAll] = useState(true);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [format, setFormat] = useState<ReportFormat>("csv");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function toggle(id: string, on: boolean) {
    setPicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  async function run() {
    if (!all && picked.size === 0) {
      setError(SELECT_A_VIRTUAL_ACCOUNT);
      return;
    }
    setBusy(true);
    const query = runReportQuery({ smartAccountId, allVirtualAccounts: all, virtualAccountIds: [...picked], format });
    const r = await downloadFile(`/api/ui/reports/run/${report}?${query}`);
    setBusy(false);
    if (r.ok) onClose();
    else setError(r.error);
  }

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Run Report"
      testId="s25-run-report-dialog"
      footer={
        <>
          <Button onClick={onClose} data-testid="s25-cancel">
            Cancel
          </Button>
          <Button variant="primary" disabled={busy} onClick={() => void run()} data-testid="s25-run-report">
            Run Report
          </Button>
        </>
      }
    >
      <p className="mb-3 font-medium" data-testid="s25-report-name">
        {REPORTS[report].name}
      </p>
      <FormError message={error} />
      <fieldset className="mb-4">
        <legend className="mb-1 font-medium text-slate-700">Virtual Accounts:</legend>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={all}
            data-testid="s25-all-virtual-accounts"
            onChange={(e) => {
              setAll(e.target.checked);
              setError(null);
            }}
          />
          All Virtual Accounts
        </label>
        <div className="ml-6 mt-1 max-h-48 overflow-y-auto">
          {vas.map((va) => (
            <label key={va.id} className="flex items-center gap-2">
              <input
                type="checkbox"
                disabled={all}
                checked={all || picked.has(va.id)}
                data-testid={`s25-virtual-account-${va.name}`}
                onChange={(e) => {
                  toggle(va.id, e.target.checked);
                  setError(null);
                }}
              />
              {va.name}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="mb-1 font-medium text-slate-700">Format:</legend>
        <div className="flex gap-4">
          {(["csv", "xlsx"] as const).map((f) => (
            <label key={f} className="flex items-center gap-2">
              <input type="radio" name="s25-format" value={f} checked={format === f} onChange={() => setFormat(f)} data-testid={`s25-format-${f}`} />
              {f.toUpperCase()}
            </label>
          ))}
        </div>
      </fieldset>
    </Dialog>
  );
}
