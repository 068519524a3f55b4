"use client";

import { useId, useState } from "react";
import { createPakAction } from "@/app/(portal)/ops/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError, TextInput } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { type CreatePakForm, createPakSchema } from "@/lib/ops/pak-schema";
import type { PakFormChoices } from "@/lib/ops/paks";

type Line = {
  sku: string;
  description: string;
  productFamily: string;
  allowedPids: string;
  featureName: string;
  featureVersion: string;
  licenseDefinitionId: string;
  licenseType: "PERPETUAL" | "TERM";
  termEnd: string;
  quantity: string;
};

const select = "w-full rounded border border-slate-300 bg-white px-2 py-1.5";
const emptyLine = (): Line => ({
  sku: "",
  description: "",
  productFamily: "",
  allowedPids: "",
  featureName: "",
  featureVersion: "1.0",
  licenseDefinitionId: "",
  licenseType: "PERPETUAL",
  termEnd: "",
  quantity: "1",
});

/** S-34 `New PAK...`: D-17 PAK and lines; SKUs of the D-27 sku_map fill in their defaults. */
export function NewPakDialog({ choices, onClose, onDone }: { choices: PakFormChoices; onClose: () => void; onDone: (pak: string) => void }) {
  const skuListId = useId();
  const [form, setForm] = useState({
    pak: "",
    type: "STANDARD" as "STANDARD" | "BULK" | "DEMO",
    orderNumber: "",
    orderDate: choices.today,
    owner: "",
    smartAccountId: "",
    virtualAccountId: "",
    partialFulfillment: true,
  });
  const [lines, setLines] = useState<Line[]>([emptyLine()]);
  const { errors, formError, busy, submit: submitForm } = useActionForm();
  const vas = choices.smartAccounts.find((s) => s.id === form.smartAccountId)?.vas ?? [];
  const setLine = (i: number, patch: Partial<Line>) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  /** A SKU of the sku_map proposes its family, feature, version and smart equivalent (D-17). */
  function changeSku(i: number, sku: string) {
    const known = choices.skus.find((s) => s.sku.toLowerCase() === sku.trim().toLowerCase());
    setLine(
      i,
      known
        ? {
            sku,
            productFamily: known.productFamily,
            featureName: known.featureName,
            featureVersion: known.featureVersion,
            licenseDefinitionId: known.licenseDefinitionId ?? "",
          }
        : { sku },
    );
  }

  async function submit() {
    const input: CreatePakForm = { ...form, lines };
    const done = await submitForm(createPakSchema, input, () => createPakAction(input));
    if (done) onDone(done.data.pak);
  }

  return (
    <Dialog
      open
      wide
      onOpenChange={(o) => !o && onClose()}
      title="New PAK"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={busy} onClick={() => void submit()} data-testid="s34-create-pak">
            Create PAK
          </Button>
        </>
      }
    >
      <FormError message={formError} />
      <datalist id={skuListId}>
        {[...new Set(choices.skus.map((s) => s.sku))].map((sku) => (
          <option key={sku} value={sku} />
        ))}
      </datalist>
      <div className="grid grid-cols-2 gap-x-4">
        <Field label="PAK" error={errors.pak} hint="Leave empty to generate one.">
          {(p) => <TextInput {...p} value={form.pak} maxLength={20} onChange={(e) => setForm({ ...form, pak: e.target.value })} autoFocus />}
        </Field>
        <Field label="Type" required>
          {(p) => (
            <select {...p} className={select} value={form.type} onChange={(e) => setForm({ ...form, type: e.target.value as typeof form.type })}>
              <option value="STANDARD">STANDARD</option>
              <option value="BULK">BULK</option>
              <option value="DEMO">DEMO</option>
            </select>
          )}
        </Field>
        <Field label="Order Number" required error={errors.orderNumber}>
          {(p) => <TextInput {...p} inputMode="numeric" value={form.orderNumber} onChange={(e) => setForm({ ...form, orderNumber: e.target.value })} />}
        </Field>
        <Field label="Order Date" required error={errors.orderDate}>
          {(p) => <TextInput {...p} type="date" value={form.orderDate} onChange={(e) => setForm({ ...form, orderDate: e.target.value })} />}
        </Field>
        <Field label="Owner" error={errors.owner} hint="Email or username; leave empty for an unowned PAK.">
          {(p) => <TextInput {...p} value={form.owner} onChange={(e) => setForm({ ...form, owner: e.target.value })} />}
        </Field>
        <label className="mt-6 flex items-center gap-2">
          <input type="checkbox" checked={form.partialFulfillment} onChange={(e) => setForm({ ...form, partialFulfillment: e.target.checked })} />
          Partial Fulfillment
        </label>
        <Field label="Smart Account" error={errors.smartAccountId}>
          {(p) => (
            <select
              {...p}
              className={select}
              value={form.smartAccountId}
              onChange={(e) => setForm({ ...form, smartAccountId: e.target.value, virtualAccountId: "" })}
            >
              <option value="">None</option>
              {choices.smartAccounts.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Virtual Account" error={errors.virtualAccountId}>
          {(p) => (
            <select
              {...p}
              className={select}
              value={form.virtualAccountId}
              disabled={!form.smartAccountId}
              onChange={(e) => setForm({ ...form, virtualAccountId: e.target.value })}
            >
              <option value="">None</option>
              {vas.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {errors.lines && <p className="text-xs text-red-700">{errors.lines}</p>}
      {lines.map((line, i) => {
        const err = (k: keyof Line) => errors[`lines.${i}.${k}`];
        return (
          <fieldset key={i} className="mb-3 rounded border border-slate-200 p-3">
            <legend className="px-1 font-medium">Line {i + 1}</legend>
            <div className="grid grid-cols-2 gap-x-4">
              <Field label="SKU" required error={err("sku")}>
                {(p) => <TextInput {...p} list={skuListId} value={line.sku} onChange={(e) => changeSku(i, e.target.value)} />}
              </Field>
              <Field label="Description" error={err("description")}>
                {(p) => <TextInput {...p} value={line.description} onChange={(e) => setLine(i, { description: e.target.value })} />}
              </Field>
              <Field label="Product Family" required error={err("productFamily")}>
                {(p) => <TextInput {...p} value={line.productFamily} onChange={(e) => setLine(i, { productFamily: e.target.value })} />}
              </Field>
              <Field label="Allowed PIDs" error={err("allowedPids")} hint="Separated by commas.">
                {(p) => <TextInput {...p} value={line.allowedPids} onChange={(e) => setLine(i, { allowedPids: e.target.value })} />}
              </Field>
              <Field label="Feature Name" required error={err("featureName")}>
                {(p) => <TextInput {...p} value={line.featureName} onChange={(e) => setLine(i, { featureName: e.target.value })} />}
              </Field>
              <Field label="Feature Version" required error={err("featureVersion")}>
                {(p) => <TextInput {...p} value={line.featureVersion} onChange={(e) => setLine(i, { featureVersion: e.target.value })} />}
              </Field>
              <Field label="Smart Equivalent" error={err("licenseDefinitionId")}>
                {(p) => (
                  <select {...p} className={select} value={line.licenseDefinitionId} onChange={(e) => setLine(i, { licenseDefinitionId: e.target.value })}>
                    <option value="">None</option>
                    {choices.licenses.map((l) => (
                      <option key={l.id} value={l.id}>
                        {l.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="License Type" required>
                {(p) => (
                  <select {...p} className={select} value={line.licenseType} onChange={(e) => setLine(i, { licenseType: e.target.value as Line["licenseType"] })}>
                    <option value="PERPETUAL">Perpetual</option>
                    <option value="TERM">Term</option>
                  </select>
                )}
              </Field>
              {line.licenseType === "TERM" && (
                <Field label="Term End" required error={err("termEnd")}>
                  {(p) => <TextInput {...p} type="date" value={line.termEnd} onChange={(e) => setLine(i, { termEnd: e.target.value })} />}
                </Field>
              )}
              <Field label="Quantity" required error={err("quantity")}>
                {(p) => <TextInput {...p} inputMode="numeric" value={line.quantity} onChange={(e) => setLine(i, { quantity: e.target.value })} />}
              </Field>
            </div>
            {lines.length > 1 && (
              <Button variant="link" onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}>
                Remove Line {i + 1}
              </Button>
            )}
          </fieldset>
        );
      })}
      <Button onClick={() => setLines((ls) => [...ls, emptyLine()])}>Add Line</Button>
    </Dialog>
  );
}
