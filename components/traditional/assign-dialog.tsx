"use client";

import { useState } from "react";
import { toast } from "sonner";
import { assignToSmartAccountAction } from "@/app/(portal)/traditional/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError } from "@/components/ui/field";
import type { WritableVirtualAccount } from "@/lib/traditional/access";

/** W-48 `Assign to Smart Account...`: a Smart Account the user administers or uses, and one of its VAs. */
export function AssignDialog({
  kind,
  ids,
  label,
  targets,
  testPrefix,
  onClose,
  onDone,
}: {
  kind: "PAK" | "DEVICE";
  ids: string[];
  label: string;
  targets: WritableVirtualAccount[];
  testPrefix: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const accounts = [...new Map(targets.map((t) => [t.smartAccountId, t.smartAccountName])).entries()];
  const [sa, setSa] = useState(accounts[0]?.[0] ?? "");
  const vas = targets.filter((t) => t.smartAccountId === sa);
  const [va, setVa] = useState(vas[0]?.virtualAccountId ?? "");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    const res = await assignToSmartAccountAction({ kind, ids, virtualAccountId: va });
    setBusy(false);
    if (res.ok) {
      const t = targets.find((x) => x.virtualAccountId === va)!;
      toast.success(`${label} assigned to Smart Account "${t.smartAccountName}", virtual account "${t.virtualAccountName}".`);
      onDone();
    } else setError(res.error);
  }

  const select = "w-full rounded border border-slate-300 bg-white px-2 py-1.5";
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Assign to Smart Account"
      testId={`${testPrefix}-assign-dialog`}
      footer={
        <>
          <Button onClick={onClose} data-testid={`${testPrefix}-assign-cancel`}>
            Cancel
          </Button>
          <Button variant="primary" disabled={busy || !va} onClick={() => void submit()} data-testid={`${testPrefix}-assign`}>
            Assign
          </Button>
        </>
      }
    >
      <FormError message={error} />
      <p className="mb-3">{label}</p>
      {accounts.length === 0 ? (
        <p className="text-slate-600">You administer or use no Smart Account, so there is nowhere to assign to.</p>
      ) : (
        <>
          <Field label="Smart Account">
            {(props) => (
              <select
                {...props}
                className={select}
                value={sa}
                onChange={(e) => {
                  setSa(e.target.value);
                  setVa(targets.find((t) => t.smartAccountId === e.target.value)?.virtualAccountId ?? "");
                }}
                data-testid={`${testPrefix}-assign-smart-account`}
              >
                {accounts.map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Virtual Account">
            {(props) => (
              <select {...props} className={select} value={va} onChange={(e) => setVa(e.target.value)} data-testid={`${testPrefix}-assign-virtual-account`}>
                {vas.map((v) => (
                  <option key={v.virtualAccountId} value={v.virtualAccountId}>
                    {v.virtualAccountName}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      )}
    </Dialog>
  );
}
