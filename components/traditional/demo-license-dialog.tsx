"use client";

import { useState } from "react";
import { demoLicenseAction } from "@/app/(portal)/traditional/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError, TextInput } from "@/components/ui/field";
import { TRAD_MSG } from "@/lib/traditional/messages";
import { PID_PATTERN, SN_PATTERN, UDI_MSG } from "@/lib/traditional/udi";
import { type IssuedFileRef, ResultPanel } from "./result-panel";

export type EvaluationFeature = { productFamily: string; feature: string };

/** S-59 `Demo and evaluation` (W-44): family → feature (`eval_allowed`) → UDI, 60 days, EULA. */
export function DemoLicenseDialog({
  features,
  userEmail,
  onClose,
  onDone,
}: {
  features: EvaluationFeature[];
  userEmail: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const families = [...new Set(features.map((f) => f.productFamily))];
  const [family, setFamily] = useState("");
  const [feature, setFeature] = useState("");
  const [pid, setPid] = useState("");
  const [sn, setSn] = useState("");
  const [agreed, setAgreed] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<IssuedFileRef | null>(null);

  async function submit() {
    setError(null);
    const e: Record<string, string> = {};
    if (!family) e.productFamily = TRAD_MSG.familyRequired;
    if (!feature) e.feature = TRAD_MSG.featureRequired;
    if (!PID_PATTERN.test(pid.trim())) e.pid = UDI_MSG.pid;
    if (!SN_PATTERN.test(sn.trim())) e.sn = UDI_MSG.sn;
    if (!agreed) e.acceptTerms = TRAD_MSG.terms;
    setErrors(e);
    if (Object.keys(e).length) return;
    setBusy(true);
    const res = await demoLicenseAction({ productFamily: family, feature, pid: pid.trim(), sn: sn.trim(), acceptTerms: true });
    setBusy(false);
    if (res.ok) {
      setResult(res.data);
      onDone();
    } else {
      setError(res.error);
      setErrors(res.fieldErrors ?? {});
    }
  }

  const select = "w-full rounded border border-slate-300 bg-white px-2 py-1.5";
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Demo and evaluation"
      testId="s59-demo-and-evaluation-dialog"
      footer={
        result ? undefined : (
          <>
            <Button onClick={onClose} data-testid="s59-cancel">
              Cancel
            </Button>
            <Button variant="primary" disabled={busy} onClick={() => void submit()} data-testid="s59-get-license">
              Get License
            </Button>
          </>
        )
      }
    >
      <FormError message={error} />
      {result ? (
        <ResultPanel file={result} userEmail={userEmail} testPrefix="s59" onClose={onClose} />
      ) : (
        <>
          <Field label="Product Family" required error={errors.productFamily}>
            {(props) => (
              <select
                {...props}
                className={select}
                value={family}
                onChange={(e) => {
                  setFamily(e.target.value);
                  setFeature("");
                }}
                data-testid="s59-product-family"
              >
                <option value="">Select…</option>
                {families.map((f) => (
                  <option key={f}>{f}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Feature" required error={errors.feature}>
            {(props) => (
              <select {...props} className={select} value={feature} disabled={!family} onChange={(e) => setFeature(e.target.value)} data-testid="s59-feature">
                <option value="">Select…</option>
                {features
                  .filter((f) => f.productFamily === family)
                  .map((f) => (
                    <option key={f.feature}>{f.feature}</option>
                  ))}
              </select>
            )}
          </Field>
          <Field label="UDI Product ID" required error={errors.pid}>
            {(props) => <TextInput {...props} value={pid} onChange={(e) => setPid(e.target.value)} data-testid="s59-udi-product-id" />}
          </Field>
          <Field label="UDI Serial Number" required error={errors.sn}>
            {(props) => <TextInput {...props} value={sn} onChange={(e) => setSn(e.target.value)} data-testid="s59-udi-serial-number" />}
          </Field>
          <Field label="Duration">
            {(props) => <TextInput {...props} value="60 days" readOnly data-testid="s59-duration" />}
          </Field>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} data-testid="s59-agree" />
            I agree with the Terms of the License
          </label>
          {errors.acceptTerms && <p className="mt-1 text-xs text-red-700">{errors.acceptTerms}</p>}
        </>
      )}
    </Dialog>
  );
}
