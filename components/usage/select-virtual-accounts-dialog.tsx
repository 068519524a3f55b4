"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { assignUsageFileVirtualAccountsAction } from "@/app/(portal)/reports/usage-data-files/actions";
import type { UsageFileDetailResponse } from "@/app/api/ui/usage-files/[id]/route";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";

const selectClass = "rounded border border-slate-300 bg-white px-2 py-1 disabled:text-slate-400";

/**
 * S-26 `Select Virtual Accounts` (F-2, W-10 step 4): one VA for every waiting member, or one per
 * member; only VAs the user can write are offered. Cancel leaves the file waiting.
 */
export function SelectVirtualAccountsDialog({ fileId, onClose, onDone }: { fileId: string; onClose: () => void; onDone: () => void }) {
  const query = useQuery<UsageFileDetailResponse>({
    queryKey: ["usage-file-assignment", fileId],
    queryFn: async () => {
      const res = await fetch(`/api/ui/usage-files/${fileId}`);
      const body = await res.json();
      if (!res.ok) throw new Error(body.message ?? "The file could not be loaded.");
      return body;
    },
  });
  const data = query.data;
  const choices = data?.virtualAccountChoices ?? [];
  const [mode, setMode] = useState<"all" | "each">("all");
  const [all, setAll] = useState("");
  const [each, setEach] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const allValue = all || choices[0]?.id || "";
  const eachValue = (memberId: string) => each[memberId] || choices[0]?.id || "";

  async function submit() {
    if (!data) return;
    setBusy(true);
    const result = await assignUsageFileVirtualAccountsAction(
      mode === "all"
        ? { fileId, mode: "all", virtualAccountId: allValue }
        : { fileId, mode: "each", members: Object.fromEntries(data.awaiting.map((m) => [m.id, eachValue(m.id)])) },
    );
    setBusy(false);
    if (result.ok) {
      toast.success(`Usage data file "${data.fileName}" was assigned to ${result.data.virtualAccounts.map((v) => `"${v}"`).join(", ")}.`);
      onDone();
    } else setError(result.error);
  }

  return (
    <Dialog
      open
      wide
      onOpenChange={(o) => !o && onClose()}
      title="Select Virtual Accounts"
      testId="s26-select-virtual-accounts-dialog"
      footer={
        <>
          <Button onClick={onClose} data-testid="s26-select-cancel">
            Cancel
          </Button>
          <Button variant="primary" onClick={() => void submit()} disabled={busy || !data || choices.length === 0} data-testid="s26-ok">
            OK
          </Button>
        </>
      }
    >
      <FormError message={error ?? (query.isError ? (query.error as Error).message : null)} />
      <p className="mb-2 text-slate-700">
        Some of the usage data files do not name a virtual account, or name one that is not known here or that you cannot
        change. Choose where their usage belongs.
      </p>
      {data?.producedFor && (
        <p role="alert" className="mb-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900" data-testid="s26-produced-for">
          {data.producedFor}
        </p>
      )}
      <p className="mb-2 font-medium text-slate-700">Please select an account:</p>
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-2">
          <input type="radio" name="s26-mode" checked={mode === "all"} onChange={() => setMode("all")} data-testid="s26-select-one-account-for-all-files" />
          Select one account for all files:
        </label>
        <select
          aria-label="Virtual account for all files"
          className={selectClass}
          value={allValue}
          disabled={mode !== "all"}
          onChange={(e) => setAll(e.target.value)}
          data-testid="s26-all-files-virtual-account"
        >
          {choices.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      </div>
      <label className="mb-2 flex items-center gap-2">
        <input type="radio" name="s26-mode" checked={mode === "each"} onChange={() => setMode("each")} data-testid="s26-select-a-virtual-account-per-file" />
        Select a virtual account per file:
      </label>
      <table className="w-full text-left" aria-label="Usage data files">
        <thead className="bg-slate-100 text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">Usage Data File</th>
            <th scope="col" className="px-3 py-2">Reported</th>
            <th scope="col" className="px-3 py-2">Virtual Account</th>
          </tr>
        </thead>
        <tbody>
          {data?.awaiting.map((m) => (
            <tr key={m.id} className="border-t border-slate-100">
              <td className="max-w-0 truncate px-3 py-1.5" title={m.name}>
                {m.name}
              </td>
              <td className="whitespace-nowrap px-3 py-1.5">{data.reported}</td>
              <td className="px-3 py-1.5">
                <select
                  aria-label={`Virtual account for ${m.name}`}
                  className={selectClass}
                  value={eachValue(m.id)}
                  disabled={mode !== "each"}
                  onChange={(e) => setEach((s) => ({ ...s, [m.id]: e.target.value }))}
                >
                  {choices.map((v) => (
                    <option key={v.id} value={v.id}>
                      {v.name}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
          {!data && (
            <tr>
              <td colSpan={3} className="px-3 py-3 text-center text-slate-500">
                Loading…
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </Dialog>
  );
}
