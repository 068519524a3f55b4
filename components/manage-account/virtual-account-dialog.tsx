"use client";

import { useState } from "react";
import { createVirtualAccountAction, editVirtualAccountAction } from "@/app/(portal)/manage-account/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError, TextInput } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createVirtualAccountSchema } from "@/lib/accounts/schemas";
import { VA_ROLE_OPTIONS, type VaGrant } from "./role-editor";

type Member = { id: string; label: string };

/** S-33 `New Virtual Account` (with `Assign Users`) and `Edit Virtual Account`. */
export function VirtualAccountDialog({
  mode,
  smartAccountId,
  members,
  initial,
  onClose,
  onDone,
}: {
  mode: "create" | "edit";
  smartAccountId: string;
  members: Member[];
  initial?: { id: string; name: string; description: string };
  onClose: () => void;
  onDone: (name: string) => void;
}) {
  const [name, setName] = useState(initial?.name ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [assigned, setAssigned] = useState<Record<string, VaGrant["role"]>>({});
  const { errors, formError, busy, submit: submitForm } = useActionForm();

  async function submit() {
    const users = Object.entries(assigned).map(([userId, role]) => ({ userId, role }));
    const done = await submitForm(createVirtualAccountSchema, { smartAccountId, name, description, users }, async () =>
      mode === "create"
        ? await createVirtualAccountAction({ smartAccountId, name, description, users })
        : await editVirtualAccountAction({ virtualAccountId: initial!.id, name, description }),
    );
    if (done) onDone(name.trim());
  }

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={mode === "create" ? "New Virtual Account" : "Edit Virtual Account"}
      wide={mode === "create"}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={busy} onClick={() => void submit()}>
            {mode === "create" ? "Create Virtual Account" : "Save"}
          </Button>
        </>
      }
    >
      <FormError message={formError} />
      <Field label="Name" required error={errors.name}>
        {(p) => <TextInput {...p} value={name} onChange={(e) => setName(e.target.value)} autoFocus />}
      </Field>
      <Field label="Description" error={errors.description}>
        {(p) => <TextInput {...p} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      {mode === "create" && members.length > 0 && (
        <fieldset>
          <legend className="mb-1 font-medium">Assign Users</legend>
          <ul className="max-h-48 space-y-1 overflow-y-auto">
            {members.map((m) => (
              <li key={m.id} className="flex items-center gap-2">
                <label className="flex flex-1 items-center gap-2">
                  <input
                    type="checkbox"
                    checked={m.id in assigned}
                    onChange={(e) =>
                      setAssigned((a) => {
                        const next = { ...a };
                        if (e.target.checked) next[m.id] = "VA_USER";
                        else delete next[m.id];
                        return next;
                      })
                    }
                  />
                  {m.label}
                </label>
                {m.id in assigned && (
                  <select
                    aria-label={`Role of ${m.label}`}
                    className="rounded border border-slate-300 px-2 py-1"
                    value={assigned[m.id]}
                    onChange={(e) => setAssigned((a) => ({ ...a, [m.id]: e.target.value as VaGrant["role"] }))}
                  >
                    {VA_ROLE_OPTIONS.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                )}
              </li>
            ))}
          </ul>
        </fieldset>
      )}
    </Dialog>
  );
}
