"use client";

import { useEffect, useRef, useState } from "react";
import { fulfillPakAction, lookupPakAction } from "@/app/(portal)/traditional/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError, TextInput } from "@/components/ui/field";
import type { PakForFulfillment } from "@/lib/traditional/fulfill-pak";
import { TRAD_MSG } from "@/lib/traditional/messages";
import { PID_PATTERN, SN_PATTERN, UDI_MSG } from "@/lib/traditional/udi";
import { type IssuedFileRef, ResultPanel } from "./result-panel";
import { recipientsOf, SendToFields } from "./send-to";
import { Stepper } from "./stepper";

const STEPS = ["Enter PAK", "Assign SKUs to Devices", "Review"];
type Device = { productFamily: string; pid: string; sn: string };

/** S-53 `Get Licenses` wizard (W-43): PAK → SKUs and one device → review, recipients and terms → F-11 file. */
export function GetLicensesWizard({
  initialPak,
  userEmail,
  onClose,
  onDone,
}: {
  initialPak?: string;
  userEmail: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const [step, setStep] = useState(0);
  const [pakText, setPakText] = useState(initialPak ?? "");
  const [pak, setPak] = useState<PakForFulfillment | null>(null);
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [device, setDevice] = useState<Device | null>(null);
  const [addingDevice, setAddingDevice] = useState(false);
  const [sendTo, setSendTo] = useState([userEmail]);
  const [agreed, setAgreed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<IssuedFileRef | null>(null);

  async function lookup(value = pakText) {
    setError(null);
    setFieldErrors({});
    if (!/^[A-Z0-9]{11}$/.test(value.trim().toUpperCase())) {
      setFieldErrors({ pak: TRAD_MSG.pakFormat });
      return;
    }
    setBusy(true);
    const res = await lookupPakAction({ pak: value });
    setBusy(false);
    if (!res.ok) {
      if (res.fieldErrors?.pak) setFieldErrors({ pak: res.fieldErrors.pak });
      else setError(res.error);
      return;
    }
    setPak(res.data);
    setQuantities(Object.fromEntries(res.data.lines.map((l) => [l.id, res.data.partialFulfillment ? "0" : String(l.available)])));
    setStep(1);
  }

  const started = useRef(false);
  useEffect(() => {
    if (initialPak && !started.current) {
      started.current = true;
      void lookup(initialPak);
    }
    // Only the PAK the wizard was opened with is looked up by itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const lines = pak?.lines ?? [];
  const asked = lines.map((l) => ({ line: l, quantity: Number(quantities[l.id] ?? "0") }));

  function checkAssignment(): boolean {
    setError(null);
    const errors: Record<string, string> = {};
    asked.forEach(({ line, quantity }, i) => {
      if (!Number.isInteger(quantity) || quantity < 0 || quantity > line.available) errors[`lines.${i}.quantity`] = TRAD_MSG.quantity(line.available);
    });
    if (Object.keys(errors).length === 0 && !asked.some((a) => a.quantity > 0)) {
      const i = asked.findIndex((a) => a.line.available > 0);
      errors[`lines.${i}.quantity`] = TRAD_MSG.quantity(asked[i].line.available);
    }
    setFieldErrors(errors);
    if (Object.keys(errors).length) return false;
    if (!device) {
      setError(TRAD_MSG.noDevice);
      return false;
    }
    const ineligible = asked.find(
      (a) => a.quantity > 0 && a.line.allowedPids.length > 0 && !a.line.allowedPids.some((p) => p.toLowerCase() === device.pid.toLowerCase()),
    );
    if (ineligible) {
      setError(TRAD_MSG.pidNotEligible(device.pid, ineligible.line.sku));
      return false;
    }
    return true;
  }

  async function getLicense() {
    setError(null);
    if (!agreed) {
      setFieldErrors({ acceptTerms: TRAD_MSG.terms });
      return;
    }
    setFieldErrors({});
    setBusy(true);
    const res = await fulfillPakAction({
      pak: pak!.pak,
      device: device!,
      lines: asked.map((a) => ({ pakLineId: a.line.id, quantity: a.quantity })),
      sendTo: recipientsOf(sendTo),
      acceptTerms: true,
    });
    setBusy(false);
    if (res.ok) {
      setResult({ fileId: res.data.fileId, fileName: res.data.fileName });
      onDone();
    } else {
      setError(res.error);
      setFieldErrors(res.fieldErrors ?? {});
    }
  }

  const cancel = (
    <Button onClick={onClose} data-testid="s53-cancel">
      Cancel
    </Button>
  );
  const back = (
    <Button onClick={() => setStep(step - 1)} data-testid="s53-back">
      Back
    </Button>
  );
  const footer = result ? undefined : step === 0 ? (
    <>
      {cancel}
      <Button variant="primary" disabled={busy} onClick={() => void lookup()} data-testid="s53-fulfill">
        Fulfill
      </Button>
    </>
  ) : step === 1 ? (
    <>
      {cancel}
      {back}
      <Button variant="primary" onClick={() => checkAssignment() && setStep(2)} data-testid="s53-next">
        Next
      </Button>
    </>
  ) : (
    <>
      {cancel}
      {back}
      <Button variant="primary" disabled={busy} onClick={() => void getLicense()} data-testid="s53-get-license">
        Get License
      </Button>
    </>
  );

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title="Get Licenses" wide testId="s53-get-licenses-dialog" footer={footer}>
      <Stepper steps={STEPS} current={result ? 3 : step} testId="s53-stepper" />
      <FormError message={error} />
      {result ? (
        <ResultPanel file={result} userEmail={userEmail} testPrefix="s53" onClose={onClose} />
      ) : step === 0 ? (
        <Field label="PAK/Token" required error={fieldErrors.pak}>
          {(props) => (
            <TextInput
              {...props}
              value={pakText}
              onChange={(e) => setPakText(e.target.value)}
              onKeyDown={(e) => e.key === "Enter" && void lookup()}
              data-testid="s53-pak-token"
            />
          )}
        </Field>
      ) : (
        <>
          <p className="mb-2 text-slate-600">
            PAK <span className="font-mono">{pak!.pak}</span>
            {pak!.partialFulfillment ? "" : " does not allow partial fulfillment: every license left is assigned at once."}
          </p>
          <table className="mb-3 w-full text-left" aria-label="SKUs" data-testid="s53-skus">
            <thead className="bg-slate-100 text-slate-600">
              <tr>
                {(step === 1 ? ["SKU", "Description", "Available", "Quantity to Assign"] : ["SKU", "Description", "Quantity", "Device"]).map((h) => (
                  <th key={h} scope="col" className="px-2 py-1.5">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {asked
                .filter((a) => step === 1 || a.quantity > 0)
                .map(({ line, quantity }) => {
                  const i = lines.indexOf(line);
                  return (
                    <tr key={line.id} className="border-t border-slate-100 align-top">
                      <td className="px-2 py-1.5 font-mono">{line.sku}</td>
                      <td className="px-2 py-1.5">{line.description}</td>
                      {step === 1 ? (
                        <>
                          <td className="px-2 py-1.5">{line.available}</td>
                          <td className="px-2 py-1.5">
                            <TextInput
                              aria-label={`Quantity to Assign ${line.sku}`}
                              inputMode="numeric"
                              className="w-24"
                              readOnly={!pak!.partialFulfillment}
                              value={quantities[line.id] ?? ""}
                              aria-invalid={Boolean(fieldErrors[`lines.${i}.quantity`])}
                              onChange={(e) => setQuantities({ ...quantities, [line.id]: e.target.value })}
                              data-testid={`s53-quantity-${line.sku.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`}
                            />
                            {fieldErrors[`lines.${i}.quantity`] && <p className="mt-1 text-xs text-red-700">{fieldErrors[`lines.${i}.quantity`]}</p>}
                          </td>
                        </>
                      ) : (
                        <>
                          <td className="px-2 py-1.5">{quantity}</td>
                          <td className="px-2 py-1.5 font-mono">{device ? `${device.pid}:${device.sn}` : "-"}</td>
                        </>
                      )}
                    </tr>
                  );
                })}
            </tbody>
          </table>
          {step === 1 ? (
            <div className="flex items-center gap-3">
              <Button onClick={() => setAddingDevice(true)} data-testid="s53-add-device">
                Add Device...
              </Button>
              <span data-testid="s53-device">{device ? `Device: ${device.pid}:${device.sn}` : "No device added yet."}</span>
            </div>
          ) : (
            <>
              <SendToFields value={sendTo} onChange={setSendTo} error={fieldErrors.sendTo} testPrefix="s53" />
              <label className="flex items-center gap-2">
                <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} data-testid="s53-agree" />
                I agree with the Terms of the License
              </label>
              {fieldErrors.acceptTerms && <p className="mt-1 text-xs text-red-700">{fieldErrors.acceptTerms}</p>}
            </>
          )}
        </>
      )}
      {addingDevice && pak && (
        <AddDeviceToRequest
          families={[...new Set(pak.lines.map((l) => l.productFamily).filter(Boolean))]}
          pids={[...new Set(pak.lines.filter((l) => l.available > 0).flatMap((l) => l.allowedPids))]}
          initial={device}
          onClose={() => setAddingDevice(false)}
          onOk={(d) => {
            setDevice(d);
            setError(null);
            setAddingDevice(false);
          }}
        />
      )}
    </Dialog>
  );
}

/** S-53 `Add Device...`: one device per request. */
function AddDeviceToRequest({
  families,
  pids,
  initial,
  onClose,
  onOk,
}: {
  families: string[];
  pids: string[];
  initial: Device | null;
  onClose: () => void;
  onOk: (d: Device) => void;
}) {
  const [family, setFamily] = useState(initial?.productFamily ?? families[0] ?? "");
  const [pid, setPid] = useState(initial?.pid ?? (pids.length === 1 ? pids[0] : ""));
  const [sn, setSn] = useState(initial?.sn ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});

  function ok() {
    const e: Record<string, string> = {};
    if (!family.trim()) e.family = TRAD_MSG.familyRequired;
    if (!PID_PATTERN.test(pid.trim())) e.pid = UDI_MSG.pid;
    if (!SN_PATTERN.test(sn.trim())) e.sn = UDI_MSG.sn;
    setErrors(e);
    if (Object.keys(e).length === 0) onOk({ productFamily: family.trim(), pid: pid.trim(), sn: sn.trim() });
  }

  const select = "w-full rounded border border-slate-300 bg-white px-2 py-1.5";
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Add Device"
      testId="s53-add-device-dialog"
      footer={
        <>
          <Button onClick={onClose} data-testid="s53-add-device-cancel">
            Cancel
          </Button>
          <Button variant="primary" onClick={ok} data-testid="s53-add-device-ok">
            OK
          </Button>
        </>
      }
    >
      <Field label="Product Family" required error={errors.family}>
        {(props) =>
          families.length ? (
            <select {...props} className={select} value={family} onChange={(e) => setFamily(e.target.value)} data-testid="s53-product-family">
              {families.map((f) => (
                <option key={f}>{f}</option>
              ))}
            </select>
          ) : (
            <TextInput {...props} value={family} onChange={(e) => setFamily(e.target.value)} data-testid="s53-product-family" />
          )
        }
      </Field>
      <Field label="UDI Product ID" required error={errors.pid}>
        {(props) =>
          pids.length ? (
            <select {...props} className={select} value={pid} onChange={(e) => setPid(e.target.value)} data-testid="s53-udi-product-id">
              <option value="">Select…</option>
              {pids.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          ) : (
            <TextInput {...props} value={pid} onChange={(e) => setPid(e.target.value)} data-testid="s53-udi-product-id" />
          )
        }
      </Field>
      <Field label="UDI Serial Number" required error={errors.sn}>
        {(props) => <TextInput {...props} value={sn} onChange={(e) => setSn(e.target.value)} data-testid="s53-udi-serial-number" />}
      </Field>
    </Dialog>
  );
}
