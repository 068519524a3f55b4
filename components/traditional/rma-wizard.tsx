"use client";

import { useState } from "react";
import { replaceRmaDeviceAction, rmaReviewAction } from "@/app/(portal)/traditional/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError, TextInput } from "@/components/ui/field";
import { TRAD_MSG } from "@/lib/traditional/messages";
import { PID_PATTERN, SN_PATTERN, UDI_MSG } from "@/lib/traditional/udi";
import { type IssuedFileRef, ResultPanel } from "./result-panel";
import { Stepper } from "./stepper";

const STEPS = ["Devices", "Review", "Licenses"];
type Line = { id: string; feature: string; type: string; count: number | null; expiresAt: string };
type Fields = { failedPid: string; failedSn: string; replacementPid: string; replacementSn: string; rmaNumber: string };

const LABELS: [keyof Fields, string, boolean][] = [
  ["failedPid", "Failed Device UDI Product ID", true],
  ["failedSn", "Failed Device UDI Serial Number", true],
  ["replacementPid", "Replacement UDI Product ID", true],
  ["replacementSn", "Replacement UDI Serial Number", true],
  ["rmaNumber", "RMA Number", false],
];

/** S-57 `RMA Replacement` (W-46). */
export function RmaWizard({
  initialFailed,
  userEmail,
  onClose,
  onDone,
}: {
  initialFailed?: { pid: string; sn: string };
  userEmail: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const [step, setStep] = useState(0);
  const [fields, setFields] = useState<Fields>({
    failedPid: initialFailed?.pid ?? "",
    failedSn: initialFailed?.sn ?? "",
    replacementPid: initialFailed?.pid ?? "",
    replacementSn: "",
    rmaNumber: "",
  });
  const [lines, setLines] = useState<Line[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<IssuedFileRef | null>(null);

  const input = () => ({
    failedPid: fields.failedPid.trim(),
    failedSn: fields.failedSn.trim(),
    replacementPid: fields.replacementPid.trim(),
    replacementSn: fields.replacementSn.trim(),
    rmaNumber: fields.rmaNumber.trim() || null,
  });
  function fail(res: { error: string; fieldErrors?: Record<string, string> }) {
    setErrors(res.fieldErrors ?? {});
    setError(res.fieldErrors && Object.keys(res.fieldErrors).length ? null : res.error);
  }

  async function review() {
    setError(null);
    const e: Record<string, string> = {};
    for (const key of ["failedPid", "replacementPid"] as const) if (!PID_PATTERN.test(fields[key].trim())) e[key] = UDI_MSG.pid;
    for (const key of ["failedSn", "replacementSn"] as const) if (!SN_PATTERN.test(fields[key].trim())) e[key] = UDI_MSG.sn;
    if (!/^[A-Za-z0-9]{0,20}$/.test(fields.rmaNumber.trim())) e.rmaNumber = TRAD_MSG.rmaNumber;
    setErrors(e);
    if (Object.keys(e).length) return;
    setBusy(true);
    const res = await rmaReviewAction(input());
    setBusy(false);
    if (!res.ok) return fail(res);
    setLines(res.data);
    setStep(1);
  }

  async function submit() {
    setError(null);
    setBusy(true);
    const res = await replaceRmaDeviceAction(input());
    setBusy(false);
    if (!res.ok) return fail(res);
    setResult({ fileId: res.data.fileId, fileName: res.data.fileName });
    setStep(2);
    onDone();
  }

  const footer = result ? undefined : step === 0 ? (
    <>
      <Button onClick={onClose} data-testid="s57-cancel">
        Cancel
      </Button>
      <Button variant="primary" disabled={busy} onClick={() => void review()} data-testid="s57-next">
        Next
      </Button>
    </>
  ) : (
    <>
      <Button onClick={onClose} data-testid="s57-cancel">
        Cancel
      </Button>
      <Button onClick={() => setStep(0)} data-testid="s57-back">
        Back
      </Button>
      <Button variant="primary" disabled={busy} onClick={() => void submit()} data-testid="s57-submit">
        Submit
      </Button>
    </>
  );

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title="RMA Replacement" wide testId="s57-rma-replacement-dialog" footer={footer}>
      <Stepper steps={STEPS} current={step} testId="s57-stepper" />
      <FormError message={error} />
      {step === 0 &&
        LABELS.map(([key, label, required]) => (
          <Field key={key} label={label} required={required} error={errors[key]}>
            {(props) => (
              <TextInput
                {...props}
                value={fields[key]}
                onChange={(e) => setFields({ ...fields, [key]: e.target.value })}
                data-testid={`s57-${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`}
              />
            )}
          </Field>
        ))}
      {step === 1 && (
        <>
          <p className="mb-2 text-slate-700">
            These licenses of {fields.failedPid}:{fields.failedSn} are issued again to {fields.replacementPid}:{fields.replacementSn}; the
            failed device&apos;s licenses are marked replaced.
          </p>
          <table className="w-full text-left" aria-label="Licenses to replace" data-testid="s57-licenses">
            <thead className="bg-slate-100 text-slate-600">
              <tr>
                {["License", "Type", "Count", "Expires"].map((h) => (
                  <th key={h} scope="col" className="px-2 py-1.5">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.id} className="border-t border-slate-100">
                  <td className="px-2 py-1.5">{l.feature}</td>
                  <td className="px-2 py-1.5">{l.type}</td>
                  <td className="px-2 py-1.5">{l.count ?? "Uncounted"}</td>
                  <td className="px-2 py-1.5">{l.expiresAt}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {step === 2 && result && <ResultPanel file={result} userEmail={userEmail} testPrefix="s57" onClose={onClose} />}
    </Dialog>
  );
}
