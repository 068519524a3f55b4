"use client";

import { useState } from "react";
import { toast } from "sonner";
import { revokeTokenAction } from "@/app/(portal)/inventory/general/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError } from "@/components/ui/field";
import { revokeTokenSchema } from "@/lib/tokens/schemas";

/** S-8 `Revoke Token` (W-6). */
export function RevokeTokenDialog({ id, onClose, onDone }: { id: string; onClose: () => void; onDone: () => void }) {
  const [reason, setReason] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const parsed = revokeTokenSchema.safeParse({ tokenId: id, reason });
    setError(null);
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0].message);
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    const result = await revokeTokenAction({ tokenId: id, reason });
    setBusy(false);
    if (result.ok) {
      toast.success("The registration token was revoked.");
      onDone();
    } else if (result.fieldErrors?.reason) setFieldError(result.fieldErrors.reason);
    else setError(result.error);
  }

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Revoke Token"
      testId="s8-revoke-token-dialog"
      footer={
        <>
          <Button onClick={onClose} data-testid="s8-revoke-cancel">
            Cancel
          </Button>
          <Button variant="danger" disabled={busy} onClick={() => void submit()} data-testid="s8-revoke-token">
            Revoke Token
          </Button>
        </>
      }
    >
      <p className="mb-4 text-slate-600">
        A revoked token can no longer register new product instances. Product instances that already registered with it
        are not affected.
      </p>
      <FormError message={error} />
      <Field label="Reason" error={fieldError}>
        {(p) => (
          <textarea
            {...p}
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            className="w-full rounded border border-slate-300 px-2 py-1.5 aria-[invalid=true]:border-red-600"
            data-testid="s8-reason"
          />
        )}
      </Field>
    </Dialog>
  );
}
