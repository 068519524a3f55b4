"use client";

import { useState } from "react";
import { toast } from "sonner";
import { transferLicensesAction } from "@/app/(portal)/inventory/licenses/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError, TextInput } from "@/components/ui/field";
import { TRANSFER_MSG } from "@/lib/licensing/transfer-messages";
import type { VaRef } from "./types";

type Line = { licenseDefinitionId: string; name: string; available: number };

/** S-11 `Transfer Licenses` (W-7): target, per-license quantities, memo; V-14 answers inline. */
export function TransferDialog({
  source,
  lines,
  targets,
  onClose,
  onDone,
}: {
  source: VaRef;
  lines: Line[];
  targets: VaRef[];
  onClose: () => void;
  onDone: () => void;
}) {
  const [target, setTarget] = useState(targets.length === 1 ? targets[0].id : "");
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [memo, setMemo] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function submit() {
    setError(null);
    setFieldErrors({});
    const parsed = lines.map((l) => ({ licenseDefinitionId: l.licenseDefinitionId, quantity: Number((quantities[l.licenseDefinitionId] ?? "").trim() || NaN) }));
    if (parsed.some((p) => !Number.isInteger(p.quantity) || p.quantity < 1)) {
      setError(TRANSFER_MSG.quantity);
      return;
    }
    if (memo.length > 255) {
      setFieldErrors({ memo: TRANSFER_MSG.memo });
      return;
    }
    setBusy(true);
    const result = await transferLicensesAction({ sourceVaId: source.id, targetVaId: target, lines: parsed, memo: memo || undefined });
    setBusy(false);
    if (result.ok) {
      const name = targets.find((t) => t.id === target)?.name ?? result.data.targetName;
      toast.success(`${result.data.quantity} license(s) transferred to ${name}.`);
      onDone();
    } else {
      setError(result.error);
      if (result.fieldErrors?.memo) setFieldErrors({ memo: result.fieldErrors.memo });
    }
  }

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Transfer Licenses"
      wide
      testId="s11-transfer-licenses-dialog"
      footer={
        <>
          <Button onClick={onClose} data-testid="s11-cancel">
            Cancel
          </Button>
          <Button variant="primary" disabled={busy || !target} onClick={() => void submit()} data-testid="s11-transfer">
            Transfer
          </Button>
        </>
      }
    >
      <FormError message={error} />
      <Field label="Transfer To:">
        {(p) => (
          <select {...p} value={target} onChange={(e) => setTarget(e.target.value)} className="w-full rounded border border-slate-300 px-2 py-1.5" data-testid="s11-transfer-to">
            <option value="">Select a virtual account</option>
            {targets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {targets.length === 0 && <p className="mb-3 text-slate-600">There is no other virtual account in this Smart Account that you can transfer to.</p>}
      <table className="mb-3 w-full text-left" aria-label="Licenses to transfer">
        <thead className="bg-slate-100 text-slate-600">
          <tr>
            <th scope="col" className="px-2 py-1.5">License</th>
            <th scope="col" className="px-2 py-1.5">Available to Transfer</th>
            <th scope="col" className="w-40 px-2 py-1.5">Quantity to Transfer</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.licenseDefinitionId} className="border-t border-slate-100">
              <td className="px-2 py-1.5">{l.name}</td>
              <td className="px-2 py-1.5">{l.available}</td>
              <td className="px-2 py-1.5">
                <TextInput
                  type="number"
                  min={1}
                  step={1}
                  aria-label={`Quantity to Transfer of ${l.name}`}
                  value={quantities[l.licenseDefinitionId] ?? ""}
                  onChange={(e) => setQuantities((q) => ({ ...q, [l.licenseDefinitionId]: e.target.value }))}
                  data-testid="s11-quantity-to-transfer"
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Field label="Memo" error={fieldErrors.memo}>
        {(p) => <TextInput {...p} value={memo} onChange={(e) => setMemo(e.target.value)} data-testid="s11-memo" />}
      </Field>
    </Dialog>
  );
}
