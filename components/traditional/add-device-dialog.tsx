"use client";

import { useState } from "react";
import { toast } from "sonner";
import { addDeviceAction } from "@/app/(portal)/traditional/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError, TextInput } from "@/components/ui/field";
import type { WritableVirtualAccount } from "@/lib/traditional/access";
import { TRAD_MSG } from "@/lib/traditional/messages";
import { PID_PATTERN, SN_PATTERN, UDI_MSG } from "@/lib/traditional/udi";

/** S-54 `Add Device` (E-108): the VA is required when the user can write one. */
export function AddDeviceDialog({
  targets,
  productFamilies,
  onClose,
  onDone,
}: {
  targets: WritableVirtualAccount[];
  productFamilies: string[];
  onClose: () => void;
  onDone: () => void;
}) {
  const [va, setVa] = useState("");
  const [family, setFamily] = useState("");
  const [pid, setPid] = useState("");
  const [sn, setSn] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setError(null);
    const e: Record<string, string> = {};
    if (targets.length && !va) e.virtualAccountId = TRAD_MSG.vaRequired;
    if (!family) e.productFamily = TRAD_MSG.familyRequired;
    if (!PID_PATTERN.test(pid.trim())) e.pid = UDI_MSG.pid;
    if (!SN_PATTERN.test(sn.trim())) e.sn = UDI_MSG.sn;
    setErrors(e);
    if (Object.keys(e).length) return;
    setBusy(true);
    const res = await addDeviceAction({ virtualAccountId: va || undefined, productFamily: family, pid: pid.trim(), sn: sn.trim() });
    setBusy(false);
    if (res.ok) {
      toast.success(`Device ${pid.trim()}:${sn.trim()} was added.`);
      onDone();
    } else {
      setErrors(res.fieldErrors ?? {});
      if (!res.fieldErrors) setError(res.error);
    }
  }

  const select = "w-full rounded border border-slate-300 bg-white px-2 py-1.5";
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Add Device"
      testId="s54-add-device-dialog"
      footer={
        <>
          <Button onClick={onClose} data-testid="s54-add-device-cancel">
            Cancel
          </Button>
          <Button variant="primary" disabled={busy} onClick={() => void submit()} data-testid="s54-add-device-ok">
            OK
          </Button>
        </>
      }
    >
      <FormError message={error} />
      {targets.length > 0 && (
        <Field label="Virtual Account" required error={errors.virtualAccountId}>
          {(props) => (
            <select {...props} className={select} value={va} onChange={(e) => setVa(e.target.value)} data-testid="s54-virtual-account">
              <option value="">Select…</option>
              {targets.map((t) => (
                <option key={t.virtualAccountId} value={t.virtualAccountId}>
                  {t.smartAccountName} / {t.virtualAccountName}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label="Product Family" required error={errors.productFamily}>
        {(props) => (
          <select {...props} className={select} value={family} onChange={(e) => setFamily(e.target.value)} data-testid="s54-product-family">
            <option value="">Select…</option>
            {productFamilies.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        )}
      </Field>
      <Field label="UDI Product ID" required error={errors.pid}>
        {(props) => <TextInput {...props} value={pid} onChange={(e) => setPid(e.target.value)} data-testid="s54-udi-product-id" />}
      </Field>
      <Field label="UDI Serial Number" required error={errors.sn}>
        {(props) => <TextInput {...props} value={sn} onChange={(e) => setSn(e.target.value)} data-testid="s54-udi-serial-number" />}
      </Field>
    </Dialog>
  );
}
