"use client";

import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import type { DeviceWizardResponse } from "@/app/api/ui/conversion/devices/lookup/route";
import { convertDeviceLicensesAction } from "@/app/(portal)/convert/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError, TextInput } from "@/components/ui/field";
import { Stepper } from "@/components/ui/stepper";
import { CONVERSION_MSG } from "@/lib/conversion/messages";
import { PID_PATTERN, SN_PATTERN, UDI_MSG } from "@/lib/formats/udi";
import { DeviceLinesTable, type LineChoice } from "./device-lines-table";

export type DeviceRef = { family: string; pid: string; sn: string };

/** S-22 `License Conversion Wizard` (W-20): `STEP 1 Device | STEP 2 Licenses | STEP 3 Review and Confirm`. */
export function LicenseConversionWizard({
  smartAccountId,
  families,
  initial,
  onClose,
  onDone,
}: {
  smartAccountId: string;
  families: string[];
  initial?: DeviceRef;
  onClose: () => void;
  onDone: () => void;
}) {
  const [step, setStep] = useState(0);
  const [device, setDevice] = useState<DeviceRef>(initial ?? { family: "", pid: "", sn: "" });
  const [fieldErrors, setFieldErrors] = useState<{ pid?: string; sn?: string }>({});
  const [found, setFound] = useState<DeviceWizardResponse | null>(null);
  const [choice, setChoice] = useState<LineChoice>({});
  const [destination, setDestination] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function lookUp(d: DeviceRef) {
    setError(null);
    const errors = {
      pid: PID_PATTERN.test(d.pid.trim()) ? undefined : UDI_MSG.pid,
      sn: SN_PATTERN.test(d.sn.trim()) ? undefined : UDI_MSG.sn,
    };
    setFieldErrors(errors);
    if (errors.pid || errors.sn) return;
    setBusy(true);
    const params = new URLSearchParams({ sa: smartAccountId, pid: d.pid.trim(), sn: d.sn.trim() });
    if (d.family) params.set("family", d.family);
    const res = await fetch(`/api/ui/conversion/devices/lookup?${params}`);
    const body = await res.json().catch(() => ({}));
    setBusy(false);
    if (!res.ok) return setError(body.message ?? "The device could not be loaded.");
    const data = body as DeviceWizardResponse;
    setFound(data);
    setChoice(Object.fromEntries(data.lines.map((l) => [l.lineId, l.available])));
    setDestination(data.defaultDestinationId ?? "");
    setStep(1);
  }

  // Opened from a row: the device is known, so STEP 1 is already done.
  const started = useRef(false);
  useEffect(() => {
    if (initial && !started.current) {
      started.current = true;
      void lookUp(initial);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const chosen = (found?.lines ?? []).filter((l) => (choice[l.lineId] ?? 0) > 0);
  const destName = found?.targets.find((t) => t.id === destination)?.name ?? "";

  function review() {
    setError(null);
    if (!destination) return setError(CONVERSION_MSG.chooseVa);
    if (chosen.length === 0) return setError(CONVERSION_MSG.atLeastOne);
    setStep(2);
  }

  async function convert() {
    if (!found) return;
    setBusy(true);
    setError(null);
    const result = await convertDeviceLicensesAction({
      deviceId: found.device.id,
      destinationVaId: destination,
      lines: found.lines.map((l) => ({ lineId: l.lineId, quantity: choice[l.lineId] ?? 0 })),
    });
    setBusy(false);
    if (result.ok) {
      toast.success(`${result.data.quantity} license(s) converted into ${result.data.virtualAccount}.`);
      onDone();
    } else {
      setError(result.error);
    }
  }

  const cancel = (
    <Button onClick={onClose} data-testid="s22-cancel">
      Cancel
    </Button>
  );
  const back = (
    <Button onClick={() => setStep(step - 1)} data-testid="s22-back">
      Back
    </Button>
  );
  const footer = [
    <>
      {cancel}
      <Button variant="primary" disabled={busy} onClick={() => void lookUp(device)} data-testid="s22-next">
        Next
      </Button>
    </>,
    <>
      {cancel}
      {back}
      <Button variant="primary" onClick={review} data-testid="s22-next">
        Next
      </Button>
    </>,
    <>
      {cancel}
      {back}
      <Button variant="primary" disabled={busy} onClick={() => void convert()} data-testid="s22-convert-licenses">
        Convert Licenses
      </Button>
    </>,
  ][step];

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title="License Conversion Wizard" wide testId="s22-license-conversion-wizard-dialog" footer={footer}>
      <Stepper steps={["Device", "Licenses", "Review and Confirm"]} current={step} testId="s22-stepper" />
      <FormError message={error} />
      {step === 0 && (
        <>
          <Field label="Product Family">
            {(p) => (
              <select
                {...p}
                value={device.family}
                onChange={(e) => setDevice({ ...device, family: e.target.value })}
                className="w-full rounded border border-slate-300 px-2 py-1.5"
                data-testid="s22-product-family"
              >
                <option value="">Any product family</option>
                {families.map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="UDI PID" required error={fieldErrors.pid}>
            {(p) => <TextInput {...p} value={device.pid} onChange={(e) => setDevice({ ...device, pid: e.target.value })} data-testid="s22-udi-pid" />}
          </Field>
          <Field label="UDI Serial Number" required error={fieldErrors.sn}>
            {(p) => <TextInput {...p} value={device.sn} onChange={(e) => setDevice({ ...device, sn: e.target.value })} data-testid="s22-udi-serial-number" />}
          </Field>
        </>
      )}
      {step === 1 && found && (
        <>
          <p className="mb-2 font-medium" data-testid="s22-device">
            {found.device.deviceIdentifier}
          </p>
          <DeviceLinesTable lines={found.lines} choice={choice} onChoice={setChoice} testIdPrefix="s22" />
          <div className="mt-3">
            <Field label="Destination Virtual Account">
              {(p) => (
                <select {...p} value={destination} onChange={(e) => setDestination(e.target.value)} className="w-full rounded border border-slate-300 px-2 py-1.5" data-testid="s22-destination-virtual-account">
                  <option value="">Select a virtual account</option>
                  {found.targets.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </>
      )}
      {step === 2 && found && (
        <>
          <dl className="mb-3 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
            <dt className="text-slate-600">Device:</dt>
            <dd>{found.device.deviceIdentifier}</dd>
            <dt className="text-slate-600">Product Family:</dt>
            <dd>{found.device.productFamily || "-"}</dd>
            <dt className="text-slate-600">Destination Virtual Account:</dt>
            <dd>{destName}</dd>
          </dl>
          <DeviceLinesTable lines={chosen} choice={choice} testIdPrefix="s22-review" />
          <p className="mt-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
            The converted licenses become Smart Licenses in {destName}. Their traditional license lines are marked converted and can no longer be resent,
            rehosted or converted again.
          </p>
        </>
      )}
    </Dialog>
  );
}
