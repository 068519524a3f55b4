"use client";

import { useState } from "react";
import { toast } from "sonner";
import { createTokenAction } from "@/app/(portal)/inventory/general/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError, TextInput } from "@/components/ui/field";
import { fieldErrorsFromZod } from "@/lib/actions/field-errors";
import { createTokenSchema } from "@/lib/tokens/schemas";

/** S-8 `Create Registration Token` (W-4); on success hands the new token to the `Token` dialog. */
export function CreateTokenDialog({
  vaId,
  vaName,
  exportAllowed,
  onClose,
  onCreated,
}: {
  vaId: string;
  vaName: string;
  exportAllowed: boolean;
  onClose: () => void;
  onCreated: (created: { id: string; token: string }) => void;
}) {
  const [description, setDescription] = useState("");
  const [expireAfter, setExpireAfter] = useState("30");
  const [maxUses, setMaxUses] = useState("");
  const [exportControlled, setExportControlled] = useState(true);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const input = { virtualAccountId: vaId, description, expireAfter, maxUses, ...(exportAllowed ? { exportControlled } : {}) };
    const parsed = createTokenSchema.safeParse(input);
    setError(null);
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setFieldErrors({});
    setBusy(true);
    const result = await createTokenAction(input);
    setBusy(false);
    if (result.ok) {
      toast.success("The registration token was created.");
      onCreated(result.data);
    } else if (result.fieldErrors) {
      setFieldErrors(result.fieldErrors);
      if (!Object.keys(result.fieldErrors).some((k) => ["description", "expireAfter", "maxUses", "exportControlled"].includes(k))) {
        setError(result.error);
      }
    } else setError(result.error);
  }

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Create Registration Token"
      testId="s8-create-registration-token"
      footer={
        <>
          <Button onClick={onClose} data-testid="s8-cancel">
            Cancel
          </Button>
          <Button variant="primary" disabled={busy} onClick={() => void submit()} data-testid="s8-create-token">
            Create Token
          </Button>
        </>
      }
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p className="mb-4 text-slate-600">
          Product instances that register with this token are added to this virtual account and use the licenses it holds.
        </p>
        <FormError message={error} />
        <Field label="Virtual Account:">
          {(p) => <TextInput {...p} value={vaName} readOnly data-testid="s8-virtual-account" className="bg-slate-100" />}
        </Field>
        <Field label="Description :" error={fieldErrors.description}>
          {(p) => (
            <TextInput {...p} value={description} placeholder="Description" onChange={(e) => setDescription(e.target.value)} data-testid="s8-description" />
          )}
        </Field>
        <Field label="Expire After:" required error={fieldErrors.expireAfter} hint="Between 1 - 365, 30 days recommended">
          {(p) => (
            <div className="flex items-center gap-2">
              <TextInput
                {...p}
                type="number"
                min={1}
                max={365}
                value={expireAfter}
                onChange={(e) => setExpireAfter(e.target.value)}
                className="w-28"
                data-testid="s8-expire-after"
              />
              <span className="text-slate-600">Days</span>
            </div>
          )}
        </Field>
        <Field
          label="Max. Number of Uses:"
          error={fieldErrors.maxUses}
          hint="The token will be expired when either the expiration or the maximum uses is reached"
        >
          {(p) => (
            <TextInput {...p} type="number" min={1} value={maxUses} onChange={(e) => setMaxUses(e.target.value)} className="w-28" data-testid="s8-max-uses" />
          )}
        </Field>
        {exportAllowed && (
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              className="mt-1"
              checked={exportControlled}
              onChange={(e) => setExportControlled(e.target.checked)}
              data-testid="s8-allow-export-controlled"
            />
            <span>Allow export-controlled functionality on the products registered with this token</span>
          </label>
        )}
        {fieldErrors.exportControlled && <p className="mt-1 text-xs text-red-700">{fieldErrors.exportControlled}</p>}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
