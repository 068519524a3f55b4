"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError } from "@/components/ui/field";
import { errorMessage } from "./download";
import type { SimDeviceRow } from "./simulator-table";

type Result = { kind: string; lines: string[]; confirmationCode: string | null };

/** S-60 `Import File`: an ACK, policy, SLAC, SLR or PLR code; the device shows the confirmation code it computes (F-10). */
export function ImportFileDialog({ device, onClose, onImported }: { device: SimDeviceRow; onClose: () => void; onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (!file) return setError("Choose a file to import.");
    setBusy(true);
    setError(null);
    const form = new FormData();
    form.append("file", file);
    const res = await fetch(`/api/ui/dev/sim-devices/${device.id}/import`, { method: "POST", body: form });
    setBusy(false);
    if (!res.ok) return setError(await errorMessage(res, "The file could not be imported."));
    setResult(await res.json());
    toast.success(`${file.name} was imported.`);
    onImported();
  }

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Import File"
      testId="s60-import-file-dialog"
      footer={
        result ? (
          <Button variant="primary" onClick={onClose} data-testid="s60-close">
            Close
          </Button>
        ) : (
          <>
            <Button onClick={onClose} data-testid="s60-cancel">
              Cancel
            </Button>
            <Button variant="primary" disabled={busy || !file} onClick={() => void submit()} data-testid="s60-import">
              Import
            </Button>
          </>
        )
      }
    >
      <FormError message={error} />
      <p className="mb-1 font-mono text-xs">{device.udi}</p>
      {result ? (
        <div role="status">
          <ul className="mb-3 list-disc pl-5">
            {result.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
          {result.confirmationCode && (
            <p>
              Confirmation code:{" "}
              <code className="rounded bg-slate-100 px-2 py-1 font-mono text-base" data-testid="s60-confirmation-code">
                {result.confirmationCode}
              </code>
            </p>
          )}
        </div>
      ) : (
        <>
          <p className="mb-3 text-slate-600">
            Give the device a file from the portal: an ACK, a reporting policy, a SLAC, or an SLR or PLR authorization code. It
            checks the signature against the published signing keys before installing anything.
          </p>
          <Field label="File" hint=".xml, .txt, .tar or .tar.gz">
            {(p) => (
              <input
                {...p}
                type="file"
                accept=".xml,.txt,.tar,.gz,.tgz"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                data-testid="s60-file"
              />
            )}
          </Field>
        </>
      )}
    </Dialog>
  );
}
