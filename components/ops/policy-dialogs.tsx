"use client";

import { useState } from "react";
import { assignPolicyAction, createPolicyAction, editPolicyAction, publishPolicyAction } from "@/app/(portal)/ops/policies-actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError, TextInput } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { CATEGORY_LABELS, POLICY_CATEGORIES } from "@/lib/policy/categories";
import type { OpsPolicyRow } from "@/lib/policy/manage";
import { POLICY_VALUE_KEYS, type PolicyValueKey, policyFormSchema, VALUE_FIELDS, valueKey } from "@/lib/policy/schemas";

export type PolicyTarget = { id: string; name: string; vas: { id: string; name: string }[] };

const select = "w-full rounded border border-slate-300 bg-white px-2 py-1.5";

type FormState = { name: string; ackRequired: boolean } & Record<PolicyValueKey, string>;

function initialForm(policy: OpsPolicyRow | null): FormState {
  const values = Object.fromEntries(POLICY_VALUE_KEYS.map((k) => [k, policy?.values[k] == null ? "" : String(policy.values[k])]));
  return { name: policy?.name ?? "", ackRequired: policy?.ackRequired ?? true, ...(values as Record<PolicyValueKey, string>) };
}

/** `New Policy` / `Edit Policy`: name, ACK required and the twelve values; an empty value inherits `Cisco default`. */
export function PolicyFormDialog({
  policy,
  ciscoDefault,
  onClose,
  onDone,
}: {
  policy: OpsPolicyRow | null;
  ciscoDefault: OpsPolicyRow | undefined;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const [form, setForm] = useState<FormState>(() => initialForm(policy));
  const { errors, formError, busy, submit: submitForm } = useActionForm();

  async function submit() {
    const done = await submitForm(policyFormSchema, form, async () =>
      policy ? await editPolicyAction({ ...form, policyId: policy.id }) : await createPolicyAction(form),
    );
    if (done) onDone(policy ? `Policy "${done.parsed.name}" was saved.` : `Policy "${done.parsed.name}" was created.`);
  }

  return (
    <Dialog
      open
      wide
      onOpenChange={(o) => !o && onClose()}
      title={policy ? "Edit Policy" : "New Policy"}
      testId="s34-policy-dialog"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={busy} onClick={() => void submit()} data-testid="s34-save-policy">
            {policy ? "Save" : "Create Policy"}
          </Button>
        </>
      }
    >
      <FormError message={formError} />
      {policy && policy.publishedTo.length > 0 && (
        <p className="mb-3 text-slate-600">
          This policy is published. Saving makes the new values version {policy.version + 1}; every Smart Account it is published to uses the
          new version from now on, and files issued before keep their version {policy.version}.
        </p>
      )}
      <Field label="Name" required error={errors.name}>
        {(p) => <TextInput {...p} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} autoFocus />}
      </Field>
      <label className="mb-3 flex items-center gap-2">
        <input type="checkbox" checked={form.ackRequired} onChange={(e) => setForm({ ...form, ackRequired: e.target.checked })} data-testid="s34-ack-required" />
        ACK required
      </label>
      <p className="mb-2 text-xs text-slate-500">Leave a value empty to inherit it from Cisco default.</p>
      <div className="grid grid-cols-2 gap-x-4">
        {POLICY_CATEGORIES.map((c) => (
          <fieldset key={c} className="mb-3 rounded border border-slate-200 p-3">
            <legend className="px-1 font-medium">{CATEGORY_LABELS[c]}</legend>
            {VALUE_FIELDS.map((f) => {
              const key = valueKey(c, f.suffix);
              const inherited = ciscoDefault?.values[key];
              return (
                <Field key={key} label={f.label} error={errors[key]}>
                  {(p) => (
                    <TextInput
                      {...p}
                      inputMode="numeric"
                      data-testid={`s34-${key}`}
                      placeholder={inherited == null ? "" : `${inherited} (CISCO default)`}
                      value={form[key]}
                      onChange={(e) => setForm({ ...form, [key]: e.target.value })}
                    />
                  )}
                </Field>
              );
            })}
          </fieldset>
        ))}
      </div>
    </Dialog>
  );
}

/** `Publish...`: to one or more Smart Accounts; those it is published to already stay ticked. */
export function PublishPolicyDialog({
  policy,
  targets,
  onClose,
  onDone,
}: {
  policy: OpsPolicyRow;
  targets: PolicyTarget[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const already = new Set(policy.publishedTo.map((p) => p.id));
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    const r = await publishPolicyAction({ policyId: policy.id, smartAccountIds: [...picked] });
    setBusy(false);
    if (r.ok) onDone(`Policy "${policy.name}" was published to ${r.data.published.join(", ")}.`);
    else setError(r.error);
  }

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Publish Policy"
      testId="s34-publish-dialog"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={busy} onClick={() => void submit()} data-testid="s34-publish">
            Publish
          </Button>
        </>
      }
    >
      <FormError message={error} />
      <fieldset>
        <legend className="mb-2">Publish &quot;{policy.name}&quot; to these Smart Accounts:</legend>
        {targets.map((sa) => (
          <label key={sa.id} className="flex items-center gap-2">
            <input
              type="checkbox"
              disabled={already.has(sa.id)}
              checked={already.has(sa.id) || picked.has(sa.id)}
              data-testid={`s34-publish-to-${sa.name}`}
              onChange={(e) => {
                setError(null);
                setPicked((prev) => {
                  const next = new Set(prev);
                  if (e.target.checked) next.add(sa.id);
                  else next.delete(sa.id);
                  return next;
                });
              }}
            />
            {sa.name}
            {already.has(sa.id) && <span className="text-xs text-slate-500">(published)</span>}
          </label>
        ))}
      </fieldset>
    </Dialog>
  );
}

/** `Assign...`: the policy of a Smart Account, or of one of its VAs (V-31b applies). */
export function AssignPolicyDialog({
  policy,
  targets,
  onClose,
  onDone,
}: {
  policy: OpsPolicyRow;
  targets: PolicyTarget[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const first = targets.find((t) => policy.isCiscoDefault || policy.publishedTo.some((p) => p.id === t.id)) ?? targets[0];
  const [saId, setSaId] = useState(first?.id ?? "");
  const [level, setLevel] = useState<"sa" | "va">("va");
  const vas = targets.find((t) => t.id === saId)?.vas ?? [];
  const [vaId, setVaId] = useState(vas[0]?.id ?? "");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    const r = await assignPolicyAction({ policyId: policy.id, smartAccountId: saId, virtualAccountId: level === "va" ? vaId || null : null });
    setBusy(false);
    const sa = targets.find((t) => t.id === saId);
    const scope = level === "va" ? `virtual account "${vas.find((v) => v.id === vaId)?.name}"` : `Smart Account "${sa?.name}"`;
    if (r.ok) onDone(`Reporting policy "${policy.name}" now applies to ${scope}.`);
    else setError(r.error);
  }

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Assign Policy"
      testId="s34-assign-dialog"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={busy || (level === "va" && !vaId)} onClick={() => void submit()} data-testid="s34-assign">
            Assign
          </Button>
        </>
      }
    >
      <FormError message={error} />
      <p className="mb-3">Make &quot;{policy.name}&quot; the reporting policy of:</p>
      <Field label="Smart Account">
        {(p) => (
          <select
            {...p}
            className={select}
            data-testid="s34-assign-smart-account"
            value={saId}
            onChange={(e) => {
              setSaId(e.target.value);
              setVaId(targets.find((t) => t.id === e.target.value)?.vas[0]?.id ?? "");
              setError(null);
            }}
          >
            {targets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="mb-3">
        <legend className="mb-1 font-medium text-slate-700">Apply to:</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="s34-assign-level" checked={level === "sa"} onChange={() => setLevel("sa")} data-testid="s34-assign-to-smart-account" />
          The whole Smart Account
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="s34-assign-level" checked={level === "va"} onChange={() => setLevel("va")} data-testid="s34-assign-to-virtual-account" />
          One virtual account
        </label>
      </fieldset>
      {level === "va" && (
        <Field label="Virtual Account">
          {(p) => (
            <select {...p} className={select} data-testid="s34-assign-virtual-account" value={vaId} onChange={(e) => setVaId(e.target.value)}>
              {vas.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </Dialog>
  );
}
