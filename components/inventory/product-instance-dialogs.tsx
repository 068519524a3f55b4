"use client";

import { useState } from "react";
import { toast } from "sonner";
import { removeProductInstanceAction, transferProductInstanceAction } from "@/app/(portal)/inventory/product-instances/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError } from "@/components/ui/field";

export type PiRef = { id: string; name: string; virtualAccountId: string };

/** S-17 `Transfer Product Instance` (W-8). */
export function TransferProductInstanceDialog({
  pi,
  targets,
  onClose,
  onDone,
}: {
  pi: PiRef;
  targets: { id: string; name: string }[];
  onClose: () => void;
  onDone: (target: { id: string; name: string }) => void;
}) {
  const [target, setTarget] = useState(targets[0]?.id ?? "");
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    const result = await transferProductInstanceAction({
      productInstanceId: pi.id,
      fromVirtualAccountId: pi.virtualAccountId,
      targetVirtualAccountId: target,
    });
    setBusy(false);
    if (result.ok) {
      toast.success(`Product instance "${pi.name}" was transferred to "${result.data.virtualAccountName}".`);
      onDone({ id: result.data.virtualAccountId, name: result.data.virtualAccountName });
    } else {
      setError(result.error);
      setFieldError(result.fieldErrors?.targetVirtualAccountId);
    }
  }

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Transfer Product Instance"
      testId="s17-transfer-product-instance-dialog"
      footer={
        <>
          <Button onClick={onClose} data-testid="s17-cancel">
            Cancel
          </Button>
          <Button variant="primary" disabled={busy || !target} onClick={() => void submit()} data-testid="s17-transfer">
            Transfer
          </Button>
        </>
      }
    >
      <FormError message={error} />
      <p className="mb-3 break-all font-medium">{pi.name}</p>
      <Field label="Transfer To:" error={fieldError} hint={targets.length ? undefined : "There is no other virtual account you can move it to."}>
        {(props) => (
          <select
            {...props}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            className="w-full rounded border border-slate-300 bg-white px-2 py-1.5"
            data-testid="s17-transfer-to"
          >
            {targets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p className="text-slate-600">
        The instance&apos;s license usage, and any reservation or authorization code it holds, move with it to the
        selected virtual account.
      </p>
    </Dialog>
  );
}

/** S-17 `Confirm Remove Product Instance` (W-9 without an active authorization). */
export function RemoveProductInstanceDialog({ pi, onClose, onDone }: { pi: PiRef; onClose: () => void; onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    const result = await removeProductInstanceAction({ productInstanceId: pi.id, fromVirtualAccountId: pi.virtualAccountId });
    setBusy(false);
    if (result.ok) {
      toast.success(`Product instance "${pi.name}" was removed.`);
      onDone();
    } else setError(result.error);
  }

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Confirm Remove Product Instance"
      testId="s17-confirm-remove-product-instance-dialog"
      footer={
        <>
          <Button onClick={onClose} data-testid="s17-cancel">
            Cancel
          </Button>
          <Button variant="danger" disabled={busy} onClick={() => void submit()} data-testid="s17-remove-product-instance">
            Remove Product Instance
          </Button>
        </>
      }
    >
      <FormError message={error} />
      <p className="mb-2 break-all font-medium">{pi.name}</p>
      <p className="text-slate-700">
        The licenses this instance uses return to the virtual account&apos;s pool and the instance disappears from the
        list. Its past usage reports are kept. If the device reports again, it is added back.
      </p>
    </Dialog>
  );
}
