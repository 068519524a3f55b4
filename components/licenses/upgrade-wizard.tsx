"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import type { UpgradeOptionsResponse } from "@/app/api/ui/licenses/upgrade/route";
import { upgradeLicensesAction } from "@/app/(portal)/inventory/licenses/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError, TextInput } from "@/components/ui/field";
import { Stepper } from "@/components/ui/stepper";
import { UPGRADE_MSG } from "@/lib/conversion/messages";
import { fetchJson, type VaRef } from "./types";

type Source = UpgradeOptionsResponse["sources"][number];

const NEVER = "- never -";
const firstExpires = (s: Source) => s.lots[0]?.endDate ?? NEVER;

/** S-14 `Upgrade Licenses` (W-22): `STEP 1 Select Licenses | STEP 2 Review`. */
export function UpgradeWizard({ va, initialTarget, onClose, onDone }: { va: VaRef; initialTarget?: string; onClose: () => void; onDone: () => void }) {
  const query = useQuery<UpgradeOptionsResponse>({
    queryKey: ["license-upgrade", va.id],
    queryFn: () => fetchJson(`/api/ui/licenses/upgrade?va=${va.id}`, "The upgrade options could not be loaded."),
    gcTime: 0,
  });
  const data = query.data;
  const [step, setStep] = useState(0);
  const [targetId, setTargetId] = useState<string | null>(initialTarget ?? null);
  const [quantity, setQuantity] = useState("1");
  const [applied, setApplied] = useState<number | null>(null);
  const [option, setOption] = useState<string | null>(null);
  const [allDates, setAllDates] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const target = data?.targets.find((t) => t.id === targetId) ?? data?.targets[0];
  const sources = (data?.sources ?? []).filter((s) => s.upgradeToId === target?.id);
  const chosen = sources.find((s) => s.id === option);

  function apply() {
    if (!target) return;
    setError(null);
    setOption(null);
    const q = Number(quantity);
    const most = Math.min(target.pending, Math.max(0, ...sources.map((s) => s.available)));
    if (!Number.isInteger(q) || q < 1 || q > most) {
      setApplied(null);
      return setError(UPGRADE_MSG.atMost(most));
    }
    setApplied(q);
    const usable = sources.filter((s) => s.available >= q);
    if (usable.length === 1) setOption(usable[0].id);
  }

  async function submit() {
    if (!target || !chosen || !applied) return;
    setBusy(true);
    setError(null);
    const result = await upgradeLicensesAction({ vaId: va.id, targetLicenseId: target.id, sourceLicenseId: chosen.id, quantity: applied });
    setBusy(false);
    if (result.ok) {
      toast.success(`${result.data.quantity} "${result.data.source}" license(s) were replaced by "${result.data.target}".`);
      onDone();
    } else {
      setError(result.error);
      setStep(0);
    }
  }

  const footer =
    step === 0 ? (
      <>
        <Button onClick={onClose} data-testid="s14-cancel">
          Cancel
        </Button>
        {target && (
          <Button variant="primary" disabled={!applied || !chosen} onClick={() => setStep(1)} data-testid="s14-next">
            Next
          </Button>
        )}
      </>
    ) : (
      <>
        <Button onClick={onClose} data-testid="s14-cancel">
          Cancel
        </Button>
        <Button onClick={() => setStep(0)} data-testid="s14-back">
          Back
        </Button>
        <Button variant="primary" disabled={busy} onClick={() => void submit()} data-testid="s14-submit">
          Submit
        </Button>
      </>
    );

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title="Upgrade Licenses" wide testId="s14-upgrade-licenses-dialog" footer={footer}>
      <Stepper steps={["Select Licenses", "Review"]} current={step} testId="s14-stepper" />
      <FormError message={error ?? (query.isError ? (query.error as Error).message : null)} />
      {!data ? (
        !query.isError && <p className="text-slate-500">Loading…</p>
      ) : !target ? (
        <p className="text-slate-700">No licenses are waiting for an upgrade in this virtual account.</p>
      ) : step === 0 ? (
        <>
          <div className="mb-3 grid grid-cols-[max-content_1fr] items-center gap-x-3 gap-y-2">
            <label htmlFor="s14-upgrade-to" className="font-medium text-slate-700">
              Upgrade To:
            </label>
            {data.targets.length > 1 ? (
              <select
                id="s14-upgrade-to"
                value={target.id}
                onChange={(e) => {
                  setTargetId(e.target.value);
                  setApplied(null);
                  setOption(null);
                }}
                className="rounded border border-slate-300 px-2 py-1"
                data-testid="s14-upgrade-to"
              >
                {data.targets.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            ) : (
              <output id="s14-upgrade-to" data-testid="s14-upgrade-to">
                {target.name}
              </output>
            )}
            <span className="font-medium text-slate-700">To Virtual Account:</span>
            <span data-testid="s14-to-virtual-account">{va.name}</span>
          </div>
          <div className="mb-3 flex items-end gap-2">
            <div className="w-32">
              <Field label="Quantity:">
                {(p) => (
                  <TextInput
                    {...p}
                    type="number"
                    min={1}
                    max={target.pending}
                    value={quantity}
                    onChange={(e) => {
                      setQuantity(e.target.value);
                      setApplied(null);
                    }}
                    data-testid="s14-quantity"
                  />
                )}
              </Field>
            </div>
            <Button className="mb-3" onClick={apply} data-testid="s14-apply">
              Apply
            </Button>
            <span className="mb-4 text-slate-600" data-testid="s14-available">
              Available: {target.pending}
            </span>
          </div>
          {applied !== null && (
            <table className="mb-3 w-full text-left" aria-label="Upgrade options">
              <thead className="bg-slate-100 text-slate-600">
                <tr>
                  <th scope="col" className="w-14 px-2 py-1.5" title="Options">
                    Opti...
                  </th>
                  <th scope="col" className="px-2 py-1.5">
                    Upgrade To
                  </th>
                  <th scope="col" className="px-2 py-1.5">
                    Replaces Current (In Virtual Account &quot;{va.name}&quot;)
                  </th>
                </tr>
              </thead>
              <tbody>
                <tr className="bg-slate-50">
                  <th scope="rowgroup" colSpan={3} className="px-2 py-1 text-left font-semibold text-slate-700">
                    Perpetual to Perpetual
                  </th>
                </tr>
                {sources.map((s) => (
                  <tr key={s.id} className="border-t border-slate-100 align-top">
                    <td className="px-2 py-1.5">
                      <input
                        type="radio"
                        name="s14-option"
                        aria-label={`Replace ${s.name}`}
                        checked={option === s.id}
                        disabled={s.available < applied}
                        onChange={() => setOption(s.id)}
                        data-testid="s14-option"
                      />
                    </td>
                    <td className="px-2 py-1.5">
                      <span className="block font-medium">{target.name}</span>
                      <span className="block">Quantity: {applied}</span>
                      <span className="block">Expires: {NEVER}</span>
                    </td>
                    <td className="px-2 py-1.5">
                      <span className="block font-medium">{s.name}</span>
                      <span className="block">Quantity: {applied}</span>
                      <span className="block">First Expires: {firstExpires(s)}</span>
                      <Button variant="link" onClick={() => setAllDates(allDates === s.id ? null : s.id)} aria-expanded={allDates === s.id}>
                        see all dates
                      </Button>
                      {allDates === s.id && (
                        <ul className="text-xs text-slate-600">
                          {s.lots.map((l, i) => (
                            <li key={i}>
                              {l.quantity} × {l.endDate ?? NEVER}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
                {sources.length === 0 && (
                  <tr>
                    <td colSpan={3} className="px-2 py-3 text-center text-slate-500">
                      No Records to Display
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          )}
          <p className="text-slate-600" data-testid="s14-tags-note">
            License tags are not copied to the upgraded licenses; tag them again after the upgrade if you need to.
          </p>
        </>
      ) : (
        chosen &&
        applied !== null && (
          <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1" data-testid="s14-review">
            <dt className="text-slate-600">Upgrade To:</dt>
            <dd>{target.name}</dd>
            <dt className="text-slate-600">Quantity:</dt>
            <dd>{applied}</dd>
            <dt className="text-slate-600">Replaces Current:</dt>
            <dd>{chosen.name}</dd>
            <dt className="text-slate-600">To Virtual Account:</dt>
            <dd>{va.name}</dd>
          </dl>
        )
      )}
    </Dialog>
  );
}
