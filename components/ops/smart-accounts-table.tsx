"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { assignAdministratorAction, createSmartAccountAction, setAccountFlagAction } from "@/app/(portal)/ops/actions";
import { ActionsMenu } from "@/components/ui/actions-menu";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError, TextInput } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { allRecordsSummary } from "@/lib/format";
import { ACCOUNT_FLAGS, type AccountFlag, createSmartAccountSchema } from "@/lib/ops/schemas";

type Row = { id: string; name: string; domain: string; accountId: string; hasAdministrator: boolean } & Record<AccountFlag, boolean>;
const FLAGS = Object.keys(ACCOUNT_FLAGS) as AccountFlag[];

/** S-34 Smart Accounts: create (W-52a), flags (W-54), `Assign Administrator...`. */
export function SmartAccountsTable({ rows }: { rows: Row[] }) {
  const router = useRouter();
  const [creating, setCreating] = useState(false);
  const [assigning, setAssigning] = useState<Row | null>(null);

  async function toggle(row: Row, flag: AccountFlag, value: boolean): Promise<boolean> {
    const r = await setAccountFlagAction({ smartAccountId: row.id, flag, value });
    if (r.ok) {
      toast.success(`${ACCOUNT_FLAGS[flag].label} of ${row.name}: ${value ? ACCOUNT_FLAGS[flag].on : ACCOUNT_FLAGS[flag].off}.`);
      router.refresh();
    } else toast.error(r.error);
    return r.ok;
  }

  return (
    <section aria-label="Smart Accounts">
      <div className="mb-2">
        <Button variant="primary" onClick={() => setCreating(true)} data-testid="s34-new-smart-account">
          New Smart Account...
        </Button>
      </div>
      <table className="w-full rounded border border-slate-200 bg-white text-left" aria-label="Smart Accounts">
        <thead className="bg-slate-100 text-slate-600">
          <tr>
            {["Smart Account", "Domain", "Account Id", ...FLAGS.map((f) => ACCOUNT_FLAGS[f].label), "Actions"].map((h) => (
              <th key={h} scope="col" className="px-3 py-2">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-100" data-testid={`s34-sa-${r.name}`}>
              <td className="px-3 py-1.5">{r.name}</td>
              <td className="px-3 py-1.5">{r.domain}</td>
              <td className="px-3 py-1.5">{r.accountId}</td>
              {FLAGS.map((f) => (
                <td key={f} className="px-3 py-1.5">
                  <FlagToggle label={`${ACCOUNT_FLAGS[f].label} of ${r.name}`} value={r[f]} onChange={(v) => toggle(r, f, v)} />
                </td>
              ))}
              <td className="px-3 py-1.5">
                <ActionsMenu
                  label={`Actions for ${r.name}`}
                  actions={r.hasAdministrator ? [] : [{ label: "Assign Administrator...", onSelect: () => setAssigning(r) }]}
                />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={8} className="px-3 py-2 text-slate-500">
              {allRecordsSummary(rows.length)}
            </td>
          </tr>
        </tfoot>
      </table>
      {creating && (
        <CreateSmartAccountDialog
          onClose={() => setCreating(false)}
          onDone={(name) => {
            setCreating(false);
            toast.success(`Smart Account "${name}" was created.`);
            router.refresh();
          }}
        />
      )}
      {assigning && (
        <AssignAdministratorDialog
          row={assigning}
          onClose={() => setAssigning(null)}
          onDone={() => {
            setAssigning(null);
            router.refresh();
          }}
        />
      )}
    </section>
  );
}

function CreateSmartAccountDialog({ onClose, onDone }: { onClose: () => void; onDone: (name: string) => void }) {
  const [form, setForm] = useState({
    name: "",
    domain: "",
    exportControlledAllowed: true,
    reservationEnabled: false,
    plrEnabled: false,
    autoConversion: false,
    administratorEmail: "",
  });
  const { errors, formError, busy, submit: submitForm } = useActionForm();

  async function submit() {
    if (await submitForm(createSmartAccountSchema, form, () => createSmartAccountAction(form))) onDone(form.name.trim());
  }

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Create Smart Account"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={busy} onClick={() => void submit()}>
            Create Smart Account
          </Button>
        </>
      }
    >
      <FormError message={formError} />
      <Field label="Account Name" required error={errors.name}>
        {(p) => <TextInput {...p} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} autoFocus />}
      </Field>
      <Field label="Domain" required error={errors.domain}>
        {(p) => <TextInput {...p} value={form.domain} onChange={(e) => setForm({ ...form, domain: e.target.value })} />}
      </Field>
      {FLAGS.map((f) => (
        <label key={f} className="mb-2 flex items-center gap-2">
          <input type="checkbox" checked={form[f]} onChange={(e) => setForm({ ...form, [f]: e.target.checked })} />
          {ACCOUNT_FLAGS[f].label}
        </label>
      ))}
      <Field label="Administrator Email" error={errors.administratorEmail}>
        {(p) => <TextInput {...p} type="email" value={form.administratorEmail} onChange={(e) => setForm({ ...form, administratorEmail: e.target.value })} />}
      </Field>
    </Dialog>
  );
}

function AssignAdministratorDialog({ row, onClose, onDone }: { row: Row; onClose: () => void; onDone: () => void }) {
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit() {
    setBusy(true);
    const r = await assignAdministratorAction({ smartAccountId: row.id, email });
    setBusy(false);
    if (r.ok) {
      toast.success(`${email} is now the administrator of ${row.name}.`);
      onDone();
    } else setError(r.error);
  }
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Assign Administrator"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={busy} onClick={() => void submit()}>
            Assign
          </Button>
        </>
      }
    >
      <Field label="Email" required error={error ?? undefined}>
        {(p) => <TextInput {...p} type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />}
      </Field>
    </Dialog>
  );
}

/** A flag checkbox that shows the new state at once and goes back if the server refuses. */
function FlagToggle({ label, value, onChange }: { label: string; value: boolean; onChange: (v: boolean) => Promise<boolean> }) {
  const [checked, setChecked] = useState(value);
  const [busy, setBusy] = useState(false);
  return (
    <input
      type="checkbox"
      aria-label={label}
      checked={checked}
      disabled={busy}
      onChange={async (e) => {
        const next = e.target.checked;
        setChecked(next);
        setBusy(true);
        if (!(await onChange(next))) setChecked(!next);
        setBusy(false);
      }}
    />
  );
}
