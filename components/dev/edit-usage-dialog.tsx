"use client";

import { useState } from "react";
import { toast } from "sonner";
import { editSimUsageAction } from "@/app/dev/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { fieldErrorsFromZod } from "@/lib/actions/field-errors";
import { editUsageSchema } from "@/lib/simulator/schemas";
import type { SimDeviceRow } from "./simulator-table";

type Line = { entitlementTag: string; name: string; count: string };

/** S-60 `Edit Usage`: the license counts the device reports next. */
export function EditUsageDialog({
  device,
  catalogue,
  onClose,
  onSaved,
}: {
  device: SimDeviceRow;
  catalogue: { entitlementTag: string; name: string }[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const [lines, setLines] = useState<Line[]>(device.licenses.map((l) => ({ ...l, count: String(l.count) })));
  const [adding, setAdding] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const available = catalogue.filter((c) => !lines.some((l) => l.entitlementTag === c.entitlementTag));

  async function save() {
    const input = { deviceId: device.id, licenses: lines.map((l) => ({ entitlementTag: l.entitlementTag, count: l.count })) };
    const parsed = editUsageSchema.safeParse(input);
    if (!parsed.success) {
      const errors = fieldErrorsFromZod(parsed.error);
      setFieldErrors(errors);
      return setError(Object.values(errors)[0]);
    }
    setBusy(true);
    const result = await editSimUsageAction(parsed.data);
    setBusy(false);
    if (!result.ok) {
      setFieldErrors(result.fieldErrors ?? {});
      return setError(result.error);
    }
    toast.success(`Usage of ${device.udi} was changed.`);
    onSaved();
  }

  return (
    <Dialog
      open
      wide
      onOpenChange={(o) => !o && onClose()}
      title="Edit Usage"
      testId="s60-edit-usage-dialog"
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
      <p className="mb-3 text-slate-600">The device reports these counts in its next usage file. A count of 0 releases the license.</p>
      <table className="mb-3 w-full text-left" aria-label="License counts">
        <thead className="bg-slate-100 text-slate-600">
          <tr>
            <th scope="col" className="px-2 py-1">
              License
            </th>
            <th scope="col" className="w-32 px-2 py-1">
              Count
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={l.entitlementTag} className="border-t border-slate-100">
              <td className="px-2 py-1" title={l.entitlementTag}>
                {l.name}
              </td>
              <td className="px-2 py-1">
                <input
                  type="number"
                  min={0}
                  aria-label={`Count of ${l.name}`}
                  value={l.count}
                  aria-invalid={Boolean(fieldErrors[`licenses.${i}.count`])}
                  onChange={(e) => setLines(lines.map((x, j) => (j === i ? { ...x, count: e.target.value } : x)))}
                  className="w-24 rounded border border-slate-300 px-2 py-1 aria-[invalid=true]:border-red-600"
                  data-testid="s60-count"
                />
              </td>
            </tr>
          ))}
          {lines.length === 0 && (
            <tr>
              <td colSpan={2} className="px-2 py-2 text-center text-slate-500">
                No Records to Display
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <div className="flex items-center gap-2">
        <select
          aria-label="Add license"
          value={adding}
          onChange={(e) => setAdding(e.target.value)}
          className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1.5"
          data-testid="s60-add-license"
        >
          <option value="">Add license…</option>
          {available.map((c) => (
            <option key={c.entitlementTag} value={c.entitlementTag}>
              {c.name}
            </option>
          ))}
        </select>
        <Button
          disabled={!adding}
          onClick={() => {
            const c = catalogue.find((x) => x.entitlementTag === adding);
            if (c) setLines([...lines, { ...c, count: "1" }]);
            setAdding("");
          }}
          data-testid="s60-add"
        >
          Add
        </Button>
      </div>
    </Dialog>
  );
}
