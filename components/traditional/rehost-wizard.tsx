"use client";

import { useRef, useState } from "react";
import { completeRehostAction, issuePermissionTicketAction, rehostSourceAction } from "@/app/(portal)/traditional/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError, TextInput } from "@/components/ui/field";
import { orDash } from "@/lib/format";
import { TRAD_MSG } from "@/lib/traditional/messages";
import { PID_PATTERN, SN_PATTERN, UDI_MSG } from "@/lib/traditional/udi";
import { type IssuedFileRef, ResultPanel } from "./result-panel";
import { Stepper } from "./stepper";

const STEPS = ["Source Device", "Select Licenses", "Permission Ticket", "Rehost Ticket", "Destination License"];
type Line = { id: string; feature: string; version: string; count: number | null; pak: string | null; issuedAt: string };
export type RehostResume = { rehostId: string; source: { pid: string; sn: string } };

/** A textarea that `Browse` can fill from a file (`cred.lic`, `rt.lic`). */
function FileTextArea({
  label,
  value,
  onChange,
  error,
  testId,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  testId: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <Field label={label} required error={error}>
      {(props) => (
        <div>
          <textarea
            {...props}
            rows={5}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            className="w-full rounded border border-slate-300 px-2 py-1.5 font-mono text-xs aria-[invalid=true]:border-red-600"
            data-testid={testId}
          />
          <input
            ref={input}
            type="file"
            accept=".lic,.txt"
            hidden
            data-testid={`${testId}-file`}
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) onChange(await file.text());
              e.target.value = "";
            }}
          />
          <Button onClick={() => input.current?.click()} data-testid={`${testId}-browse`}>
            Browse
          </Button>
        </div>
      )}
    </Field>
  );
}

/** S-56 `License Transfer (Rehost)` (W-45), resumable at step 3 from Transactions History. */
export function RehostWizard({
  initialSource,
  resume,
  userEmail,
  onClose,
  onDone,
}: {
  initialSource?: { pid: string; sn: string };
  resume?: RehostResume;
  userEmail: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const [step, setStep] = useState(resume ? 2 : 0);
  const [pid, setPid] = useState(resume?.source.pid ?? initialSource?.pid ?? "");
  const [sn, setSn] = useState(resume?.source.sn ?? initialSource?.sn ?? "");
  const [credential, setCredential] = useState("");
  const [lines, setLines] = useState<Line[]>([]);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [rehostId, setRehostId] = useState(resume?.rehostId ?? "");
  const [rehostTicket, setRehostTicket] = useState("");
  const [destPid, setDestPid] = useState("");
  const [destSn, setDestSn] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<IssuedFileRef | null>(null);

  function fail(res: { error: string; fieldErrors?: Record<string, string> }) {
    setErrors(res.fieldErrors ?? {});
    setError(res.fieldErrors && Object.keys(res.fieldErrors).length ? null : res.error);
  }

  async function next() {
    setError(null);
    const e: Record<string, string> = {};
    if (!PID_PATTERN.test(pid.trim())) e.pid = UDI_MSG.pid;
    if (!SN_PATTERN.test(sn.trim())) e.sn = UDI_MSG.sn;
    if (!credential.trim()) e.credential = TRAD_MSG.credential(`${pid.trim()}:${sn.trim()}`);
    setErrors(e);
    if (Object.keys(e).length) return;
    setBusy(true);
    const res = await rehostSourceAction({ pid: pid.trim(), sn: sn.trim(), credential });
    setBusy(false);
    if (!res.ok) return fail(res);
    setLines(res.data);
    setChosen(new Set());
    setStep(1);
  }

  async function permissionTicket() {
    setError(null);
    if (chosen.size === 0) return setError(TRAD_MSG.noLinesSelected);
    setBusy(true);
    const res = await issuePermissionTicketAction({ pid: pid.trim(), sn: sn.trim(), credential, lineIds: [...chosen] });
    setBusy(false);
    if (!res.ok) return fail(res);
    setRehostId(res.data.rehostId);
    setStep(2);
    onDone();
  }

  async function submit() {
    setError(null);
    const e: Record<string, string> = {};
    if (!rehostTicket.trim()) e.rehostTicket = TRAD_MSG.rehostTicket;
    if (!PID_PATTERN.test(destPid.trim())) e.pid = UDI_MSG.pid;
    if (!SN_PATTERN.test(destSn.trim())) e.sn = UDI_MSG.sn;
    setErrors(e);
    if (Object.keys(e).length) return;
    setBusy(true);
    const res = await completeRehostAction({ rehostId, rehostTicket, pid: destPid.trim(), sn: destSn.trim() });
    setBusy(false);
    if (!res.ok) return fail(res);
    setResult({ fileId: res.data.fileId, fileName: res.data.fileName });
    setStep(4);
    onDone();
  }

  const cancel = (label = "Cancel") => (
    <Button onClick={onClose} data-testid={`s56-${label.toLowerCase()}`}>
      {label}
    </Button>
  );
  const footers = [
    <>
      {cancel()}
      <Button variant="primary" disabled={busy} onClick={() => void next()} data-testid="s56-next">
        Next
      </Button>
    </>,
    <>
      {cancel()}
      <Button onClick={() => setStep(0)} data-testid="s56-back">
        Back
      </Button>
      <Button variant="primary" disabled={busy} onClick={() => void permissionTicket()} data-testid="s56-get-permission-ticket">
        Get Permission Ticket
      </Button>
    </>,
    <>
      {cancel("Close")}
      <Button variant="primary" onClick={() => setStep(3)} data-testid="s56-next">
        Next
      </Button>
    </>,
    <>
      {cancel("Close")}
      <Button variant="primary" disabled={busy} onClick={() => void submit()} data-testid="s56-submit">
        Submit
      </Button>
    </>,
  ];

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="License Transfer (Rehost)"
      wide
      testId="s56-license-transfer-rehost-dialog"
      footer={result ? undefined : footers[step]}
    >
      <Stepper steps={STEPS} current={step} testId="s56-stepper" />
      <FormError message={error} />
      {step === 0 && (
        <>
          <Field label="UDI Product ID" required error={errors.pid}>
            {(props) => <TextInput {...props} value={pid} onChange={(e) => setPid(e.target.value)} data-testid="s56-udi-product-id" />}
          </Field>
          <Field label="UDI Serial Number" required error={errors.sn}>
            {(props) => <TextInput {...props} value={sn} onChange={(e) => setSn(e.target.value)} data-testid="s56-udi-serial-number" />}
          </Field>
          <FileTextArea label="Device Credential" value={credential} onChange={setCredential} error={errors.credential} testId="s56-device-credential" />
        </>
      )}
      {step === 1 && (
        <table className="w-full text-left" aria-label="Licenses to rehost" data-testid="s56-licenses">
          <thead className="bg-slate-100 text-slate-600">
            <tr>
              <th scope="col" className="w-8 px-2 py-1.5">
                <span className="sr-only">Select</span>
              </th>
              {["License", "Count", "PAK", "Issued"].map((h) => (
                <th key={h} scope="col" className="px-2 py-1.5">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.id} className="border-t border-slate-100">
                <td className="px-2 py-1.5">
                  <input
                    type="checkbox"
                    aria-label={`Select ${l.feature}`}
                    checked={chosen.has(l.id)}
                    onChange={(e) => {
                      const next = new Set(chosen);
                      if (e.target.checked) next.add(l.id);
                      else next.delete(l.id);
                      setChosen(next);
                    }}
                  />
                </td>
                <td className="px-2 py-1.5">{l.feature}</td>
                <td className="px-2 py-1.5">{l.count ?? "Uncounted"}</td>
                <td className="px-2 py-1.5 font-mono">{orDash(l.pak)}</td>
                <td className="px-2 py-1.5">{l.issuedAt}</td>
              </tr>
            ))}
            {lines.length === 0 && (
              <tr>
                <td colSpan={5} className="px-2 py-3 text-center text-slate-500">
                  No Records to Display
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      {step === 2 && (
        <>
          <p className="mb-3 text-slate-700">
            Install the permission ticket on the source device ({pid}:{sn}) with <span className="font-mono">license revoke</span>. The
            device removes the licenses, keeps a 60-day grace license, and produces a rehost ticket. Bring that rehost ticket
            back to the next step.
          </p>
          <a
            href={`/api/ui/traditional/rehosts/${rehostId}/permission-ticket`}
            download="pt.lic"
            className="inline-flex items-center rounded bg-sky-700 px-3 py-1.5 text-sm text-white! hover:bg-sky-800 hover:no-underline"
            data-testid="s56-download-permission-ticket"
          >
            Download Permission Ticket
          </a>
        </>
      )}
      {step === 3 && (
        <>
          <FileTextArea label="Rehost Ticket" value={rehostTicket} onChange={setRehostTicket} error={errors.rehostTicket} testId="s56-rehost-ticket" />
          <Field label="Destination UDI Product ID" required error={errors.pid}>
            {(props) => <TextInput {...props} value={destPid} onChange={(e) => setDestPid(e.target.value)} data-testid="s56-destination-udi-product-id" />}
          </Field>
          <Field label="Destination UDI Serial Number" required error={errors.sn}>
            {(props) => <TextInput {...props} value={destSn} onChange={(e) => setDestSn(e.target.value)} data-testid="s56-destination-udi-serial-number" />}
          </Field>
        </>
      )}
      {step === 4 && result && <ResultPanel file={result} userEmail={userEmail} testPrefix="s56" onClose={onClose} />}
    </Dialog>
  );
}
