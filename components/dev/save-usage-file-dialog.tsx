"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { errorMessage, saveResponse } from "./download";
import type { SimDeviceRow } from "./simulator-table";

/** S-60 `Save Usage File` (W-60): the F-1 file, with an optional trust request and DLC data. */
export function SaveUsageFileDialog({ device, onClose, onSaved }: { device: SimDeviceRow; onClose: () => void; onSaved: () => void }) {
  // A device without trust asks for it (W-60); the presenter may untick it.
  const [trust, setTrust] = useState(!device.trustInstalledAt);
  const [dlc, setDlc] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    setBusy(true);
    setError(null);
    const res = await fetch(`/api/ui/dev/sim-devices/${device.id}/usage-file`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ includeTrustRequest: trust, includeDlc: dlc }),
    });
    setBusy(false);
    if (!res.ok) return setError(await errorMessage(res, "The usage file could not be written."));
    const name = await saveResponse(res, "usage.xml");
    toast.success(`Saved ${name}.`);
    onSaved();
    onClose();
  }

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Save Usage File"
      testId="s60-save-usage-file-dialog"
      footer={
        <>
          <Button onClick={onClose} data-testid="s60-cancel">
            Cancel
          </Button>
          <Button variant="primary" disabled={busy} onClick={() => void save()} data-testid="s60-save">
            Save
          </Button>
        </>
      }
    >
      <FormError message={error} />
      <p className="mb-1 font-mono text-xs">{device.udi}</p>
      <p className="mb-3 text-slate-600">
        The device writes one usage report per license it uses, starting at report id {device.nextReportId}, signed with its
        {device.trustInstalledAt ? " trust code" : " built-in key"}. Upload the file in Reports › Usage Data Files.
      </p>
      <label className="mb-2 flex items-center gap-2">
        <input type="checkbox" checked={trust} onChange={(e) => setTrust(e.target.checked)} data-testid="s60-include-trust-request" />
        Include trust request
      </label>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={dlc}
          disabled={!device.hasDlc}
          onChange={(e) => setDlc(e.target.checked)}
          aria-describedby={device.hasDlc ? undefined : "s60-no-dlc"}
          data-testid="s60-include-dlc-data"
        />
        Include DLC data
      </label>
      {!device.hasDlc && (
        <p id="s60-no-dlc" className="ml-6 text-xs text-slate-500">
          This device holds no DLC data.
        </p>
      )}
    </Dialog>
  );
}
