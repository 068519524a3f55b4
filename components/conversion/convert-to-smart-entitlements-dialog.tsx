"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import type { TradDeviceConversionResponse } from "@/app/api/ui/conversion/trad-devices/[id]/route";
import { convertToSmartEntitlementsAction } from "@/app/(portal)/convert/actions";
import { fetchJson } from "@/components/licenses/types";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError } from "@/components/ui/field";
import { CONVERSION_MSG } from "@/lib/conversion/messages";
import { udiTradForm } from "@/lib/formats/udi";
import { DeviceLinesTable, type LineChoice } from "./device-lines-table";

/**
 * Traditional S-54 `Convert to Smart Entitlements` (W-20 with method LRP; E-41 and E-109). Opened
 * from the Devices row menu `Convert licenses to Smart Licensing...`; `smartAccountId` is the Smart
 * Account the Traditional workspace shows, used when the device is not assigned to one.
 */
export function ConvertToSmartEntitlementsDialog({
  deviceId,
  smartAccountId,
  onClose,
  onDone,
}: {
  deviceId: string;
  smartAccountId?: string;
  onClose: () => void;
  onDone?: () => void;
}) {
  const params = smartAccountId ? `?sa=${smartAccountId}` : "";
  const query = useQuery<TradDeviceConversionResponse>({
    queryKey: ["trad-device-conversion", deviceId, smartAccountId ?? ""],
    queryFn: () => fetchJson(`/api/ui/conversion/trad-devices/${deviceId}${params}`, "The device could not be loaded."),
    gcTime: 0,
  });
  const data = query.data;
  const [choice, setChoice] = useState<LineChoice | null>(null);
  const [destination, setDestination] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const lines = data?.lines ?? [];
  const picked = choice ?? Object.fromEntries(lines.map((l) => [l.lineId, l.available]));
  const dest = destination ?? data?.defaultDestinationId ?? "";

  async function submit() {
    if (!data) return;
    setError(null);
    if (!dest) return setError(CONVERSION_MSG.chooseVa);
    if (!lines.some((l) => (picked[l.lineId] ?? 0) > 0)) return setError(CONVERSION_MSG.atLeastOne);
    setBusy(true);
    const result = await convertToSmartEntitlementsAction({
      deviceId,
      destinationVaId: dest,
      lines: lines.map((l) => ({ lineId: l.lineId, quantity: picked[l.lineId] ?? 0 })),
    });
    setBusy(false);
    if (result.ok) {
      toast.success(`${result.data.quantity} license(s) converted into ${result.data.virtualAccount}.`);
      (onDone ?? onClose)();
    } else {
      setError(result.error);
    }
  }

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Convert to Smart Entitlements"
      wide
      testId="s54-convert-to-smart-entitlements-dialog"
      footer={
        <>
          <Button onClick={onClose} data-testid="s54-cancel">
            Cancel
          </Button>
          <Button variant="primary" disabled={!data || busy || data.targets.length === 0} onClick={() => void submit()} data-testid="s54-submit">
            Submit
          </Button>
        </>
      }
    >
      <FormError message={error ?? (query.isError ? (query.error as Error).message : null)} />
      {!data ? (
        !query.isError && <p className="text-slate-500">Loading…</p>
      ) : (
        <>
          <dl className="mb-3 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1" data-testid="s54-header">
            <dt className="text-slate-600">Device ID:</dt>
            <dd>{udiTradForm(data.device)}</dd>
            <dt className="text-slate-600">Product Family:</dt>
            <dd>{data.device.productFamily || "-"}</dd>
            <dt className="text-slate-600">Smart Account:</dt>
            <dd>{data.smartAccount?.name ?? "Not Assigned"}</dd>
          </dl>
          <p className="mb-3 font-medium">
            UDI Product ID:{data.device.udiPid},UDI Serial Number:{data.device.udiSn}
          </p>
          <Field label="Virtual Account:">
            {(p) => (
              <select {...p} value={dest} onChange={(e) => setDestination(e.target.value)} className="w-full rounded border border-slate-300 px-2 py-1.5" data-testid="s54-virtual-account">
                <option value="">Select a virtual account</option>
                {data.targets.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <DeviceLinesTable lines={lines} choice={picked} onChoice={setChoice} checkboxes testIdPrefix="s54" />
          <p className="mt-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900" data-testid="s54-note">
            The selected licenses become Smart Licenses in the chosen virtual account. Their lines leave this portal: they can no longer be downloaded,
            resent, rehosted or moved to a replacement device.
          </p>
        </>
      )}
    </Dialog>
  );
}
