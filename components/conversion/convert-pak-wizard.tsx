"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import type { PakWizardResponse } from "@/app/api/ui/conversion/paks/[id]/route";
import { convertPakAction } from "@/app/(portal)/convert/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError, TextInput } from "@/components/ui/field";
import { Stepper } from "@/components/ui/stepper";
import { fetchJson } from "@/components/licenses/types";
import { CONVERSION_MSG } from "@/lib/conversion/messages";

type Line = PakWizardResponse["lines"][number];

/** V-51 in the browser, with the same messages the server answers. */
function checkQuantities(lines: Line[], quantities: Record<string, string>, partial: boolean): string | null {
  if (lines.every((l) => l.available === 0)) return CONVERSION_MSG.nothingLeft;
  for (const l of lines) {
    const q = Number(quantities[l.pakLineId]);
    if (!Number.isInteger(q) || q < 0 || q > l.available) return CONVERSION_MSG.quantity(l.available);
  }
  if (!partial && lines.some((l) => Number(quantities[l.pakLineId]) !== l.available)) return CONVERSION_MSG.partialNotAllowed;
  if (!lines.some((l) => Number(quantities[l.pakLineId]) > 0)) return CONVERSION_MSG.atLeastOne;
  return null;
}

function PakDetails({ data, destination }: { data: PakWizardResponse; destination?: string }) {
  return (
    <section aria-label="PAK Details" className="mb-3 rounded border border-slate-200 bg-slate-50 p-3">
      <h3 className="mb-1 font-semibold">PAK Details:</h3>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-600">PAK Number:</dt>
        <dd data-testid="s21-pak-number">{data.pak.pak}</dd>
        <dt className="text-slate-600">Partial Fulfillment:</dt>
        <dd>{data.pak.partialFulfillment ? "Allowed" : "Not Allowed"}</dd>
        <dt className="text-slate-600">PAK Virtual Account:</dt>
        <dd>{data.pak.virtualAccount ?? "-"}</dd>
        {destination !== undefined && (
          <>
            <dt className="text-slate-600">Destination Virtual Account:</dt>
            <dd>{destination}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

const cell = "px-2 py-1.5";

/** S-21 `Convert to Smart Software Licenses` wizard (W-19): `1 Select Licenses | 2 Review and Confirm`. */
export function ConvertPakWizard({ pakId, onClose, onDone }: { pakId: string; onClose: () => void; onDone: () => void }) {
  const query = useQuery<PakWizardResponse>({
    queryKey: ["pak-wizard", pakId],
    queryFn: () => fetchJson(`/api/ui/conversion/paks/${pakId}`, "The PAK could not be loaded."),
    // Always what the PAK holds now: a cached page would only meet V-3 on submit.
    gcTime: 0,
  });
  const data = query.data;
  const [step, setStep] = useState(0);
  const [destination, setDestination] = useState<string | null>(null);
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const dest = destination ?? data?.defaultDestinationId ?? "";
  const qty = (l: Line) => quantities[l.pakLineId] ?? String(l.available);
  const current = Object.fromEntries((data?.lines ?? []).map((l) => [l.pakLineId, qty(l)]));
  const chosen = (data?.lines ?? []).filter((l) => Number(qty(l)) > 0);
  const destName = data?.targets.find((t) => t.id === dest)?.name ?? "";

  function next() {
    if (!data) return;
    setError(null);
    if (!dest) return setError(CONVERSION_MSG.chooseVa);
    const problem = checkQuantities(data.lines, current, data.pak.partialFulfillment);
    if (problem) return setError(problem);
    setStep(1);
  }

  async function convert() {
    if (!data) return;
    setBusy(true);
    setError(null);
    const result = await convertPakAction({
      pakId,
      destinationVaId: dest,
      lines: data.lines.map((l) => ({ pakLineId: l.pakLineId, quantity: Number(qty(l)), available: l.available })),
    });
    setBusy(false);
    if (result.ok) {
      toast.success(`${result.data.quantity} license(s) converted into ${result.data.virtualAccount}.`);
      onDone();
    } else {
      setError(result.error);
    }
  }

  const footer =
    step === 0 ? (
      <>
        <Button onClick={onClose} data-testid="s21-cancel">
          Cancel
        </Button>
        <Button variant="primary" disabled={!data} onClick={next} data-testid="s21-next">
          Next
        </Button>
      </>
    ) : (
      <>
        <Button onClick={onClose} data-testid="s21-cancel">
          Cancel
        </Button>
        <Button onClick={() => setStep(0)} data-testid="s21-back">
          Back
        </Button>
        <Button variant="primary" disabled={busy} onClick={() => void convert()} data-testid="s21-convert-licenses">
          Convert Licenses
        </Button>
      </>
    );

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title="Convert to Smart Software Licenses" wide testId="s21-convert-to-smart-software-licenses-dialog" footer={footer}>
      <Stepper steps={["Select Licenses", "Review and Confirm"]} current={step} prefix="" testId="s21-stepper" />
      <FormError message={error ?? (query.isError ? (query.error as Error).message : null)} />
      {!data ? (
        !query.isError && <p className="text-slate-500">Loading…</p>
      ) : step === 0 ? (
        <>
          <PakDetails data={data} />
          <Field label="Destination Virtual Account">
            {(p) => (
              <select {...p} value={dest} onChange={(e) => setDestination(e.target.value)} className="w-full rounded border border-slate-300 px-2 py-1.5" data-testid="s21-destination-virtual-account">
                <option value="">Select a virtual account</option>
                {data.targets.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <p className="mb-2 text-slate-700">
            {data.pak.partialFulfillment
              ? "Enter how many licenses of each SKU to convert. Licenses you leave on the PAK can be converted later."
              : "This PAK must be converted as a whole: every license it still holds is converted together."}
          </p>
          <table className="w-full text-left" aria-label="SKUs">
            <thead className="bg-slate-100 text-slate-600">
              <tr>
                {["SKU", "Licenses", "Expiration Date", "Available to Convert", "Quantity to Convert"].map((h) => (
                  <th key={h} scope="col" className={cell}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.lines.map((l) => (
                <tr key={l.pakLineId} className="border-t border-slate-100">
                  <td className={cell}>{l.sku}</td>
                  <td className={cell}>{l.licenses}</td>
                  <td className={cell}>{l.expirationDate ?? "- never -"}</td>
                  <td className={cell}>{l.available}</td>
                  <td className={`${cell} w-36`}>
                    <TextInput
                      type="number"
                      min={0}
                      max={l.available}
                      step={1}
                      readOnly={!data.pak.partialFulfillment}
                      aria-label={`Quantity to Convert of ${l.sku}`}
                      value={qty(l)}
                      onChange={(e) => setQuantities((q) => ({ ...q, [l.pakLineId]: e.target.value }))}
                      data-testid="s21-quantity-to-convert"
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <>
          <PakDetails data={data} destination={destName} />
          <table className="mb-3 w-full text-left" aria-label="SKUs to Convert">
            <caption className="py-1 text-left font-semibold">SKUs to Convert</caption>
            <thead className="bg-slate-100 text-slate-600">
              <tr>
                {["SKU", "Licenses", "Type", "Expiration Date", "Available to Convert", "Quantity to Convert"].map((h) => (
                  <th key={h} scope="col" className={cell}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {chosen.map((l) => (
                <tr key={l.pakLineId} className="border-t border-slate-100">
                  <td className={cell}>{l.sku}</td>
                  <td className={cell}>{l.licenses}</td>
                  <td className={cell}>{l.type}</td>
                  <td className={cell}>{l.expirationDate ?? "- never -"}</td>
                  <td className={cell}>{l.available}</td>
                  <td className={cell}>{qty(l)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900" data-testid="s21-notice">
            Converted licenses become Smart Licenses in {destName}. They are deducted from the PAK and can no longer be fulfilled in Traditional Licensing.
          </p>
        </>
      )}
    </Dialog>
  );
}
