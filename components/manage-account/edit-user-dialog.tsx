"use client";

import { useState } from "react";
import { toast } from "sonner";
import { editUserAction } from "@/app/(portal)/manage-account/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import type { SmartAccountUserRow } from "@/lib/accounts/users";
import { RoleEditor, type SaRoleChoice, type VaGrant } from "./role-editor";

/** S-33 `Edit User`: roles only; a VA admin sees only the VAs they administer. */
export function EditUserDialog({
  smartAccountId,
  row,
  vas,
  isSaAdmin,
  onClose,
  onDone,
}: {
  smartAccountId: string;
  row: SmartAccountUserRow;
  vas: { id: string; name: string }[];
  isSaAdmin: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const editable = new Set(vas.map((v) => v.id));
  const [saRole, setSaRole] = useState<SaRoleChoice>(row.saRole ?? "NONE");
  const [grants, setGrants] = useState<VaGrant[]>(
    row.vaRoles.filter((g) => editable.has(g.virtualAccountId)).map((g) => ({ virtualAccountId: g.virtualAccountId, role: g.role })),
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    // Roles on VAs the caller cannot administer are kept as they are.
    const kept = row.vaRoles.filter((g) => !editable.has(g.virtualAccountId)).map((g) => ({ virtualAccountId: g.virtualAccountId, role: g.role }));
    setBusy(true);
    const result = await editUserAction({ smartAccountId, userId: row.userId, saRole, vaRoles: [...kept, ...grants] });
    setBusy(false);
    if (result.ok) {
      toast.success(`The roles of ${row.ccoId} were saved.`);
      onDone();
    } else setError(result.error);
  }

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Edit User"
      wide
      testId="s33-edit-user-dialog"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={busy} onClick={() => void save()}>
            Save
          </Button>
        </>
      }
    >
      <FormError message={error} />
      <dl className="mb-3 grid grid-cols-[6rem_1fr] gap-y-1">
        <dt className="text-slate-500">User</dt>
        <dd>{row.ccoId}</dd>
        <dt className="text-slate-500">Email</dt>
        <dd>{row.email}</dd>
      </dl>
      <RoleEditor saRole={saRole} onSaRole={setSaRole} showSaRole={isSaAdmin} grants={grants} onGrants={setGrants} vas={vas} />
    </Dialog>
  );
}
