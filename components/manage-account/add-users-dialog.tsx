"use client";

import { useState } from "react";
import { toast } from "sonner";
import { addUsersAction } from "@/app/(portal)/manage-account/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError, TextInput } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { addUsersSchema } from "@/lib/accounts/schemas";
import { RoleEditor, type SaRoleChoice, type VaGrant } from "./role-editor";

/** S-33 `Add Users` dialog (W-50). */
export function AddUsersDialog({
  smartAccountId,
  vas,
  isSaAdmin,
  onClose,
  onDone,
}: {
  smartAccountId: string;
  vas: { id: string; name: string }[];
  isSaAdmin: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const [mode, setMode] = useState<"existing" | "new">("existing");
  const [login, setLogin] = useState("");
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [saRole, setSaRole] = useState<SaRoleChoice>("NONE");
  const [grants, setGrants] = useState<VaGrant[]>([]);
  const { errors, formError, busy, submit: submitForm } = useActionForm();

  async function submit() {
    const input =
      mode === "existing"
        ? { mode, smartAccountId, login, saRole, vaRoles: grants }
        : { mode, smartAccountId, email, name, password, saRole, vaRoles: grants };
    if (!(await submitForm(addUsersSchema, input, () => addUsersAction(input)))) return;
    toast.success("The user was added to this Smart Account.");
    onDone();
  }

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Add Users"
      wide
      testId="s33-add-users-dialog"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={busy} onClick={() => void submit()}>
            Add Users
          </Button>
        </>
      }
    >
      <FormError message={formError} />
      <div role="radiogroup" aria-label="User" className="mb-3 flex gap-4">
        <label className="flex items-center gap-1">
          <input type="radio" name="mode" checked={mode === "existing"} onChange={() => setMode("existing")} />
          Existing User
        </label>
        {isSaAdmin && (
          <label className="flex items-center gap-1">
            <input type="radio" name="mode" checked={mode === "new"} onChange={() => setMode("new")} />
            New User
          </label>
        )}
      </div>
      {mode === "existing" ? (
        <Field label="Email or Username" required error={errors.login}>
          {(p) => <TextInput {...p} value={login} onChange={(e) => setLogin(e.target.value)} autoFocus />}
        </Field>
      ) : (
        <>
          <Field label="Email" required error={errors.email}>
            {(p) => <TextInput {...p} type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />}
          </Field>
          <Field label="Name" required error={errors.name}>
            {(p) => <TextInput {...p} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field label="Initial Password" required error={errors.password}>
            {(p) => <TextInput {...p} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
          </Field>
        </>
      )}
      <RoleEditor saRole={saRole} onSaRole={setSaRole} showSaRole={isSaAdmin} grants={grants} onGrants={setGrants} vas={vas} />
    </Dialog>
  );
}
