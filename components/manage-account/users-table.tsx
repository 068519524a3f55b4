"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { removeUserAction, setUserAccessAction } from "@/app/(portal)/manage-account/actions";
import { ActionsMenu } from "@/components/ui/actions-menu";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { SearchBox } from "@/components/ui/search-box";
import { ROLE_LABELS } from "@/lib/access/roles";
import type { SmartAccountUserRow } from "@/lib/accounts/users";
import { AddUsersDialog } from "./add-users-dialog";
import { EditUserDialog } from "./edit-user-dialog";
import { allRecordsSummary } from "@/lib/format";

type Va = { id: string; name: string };

export function UsersTable({
  smartAccountId,
  rows,
  grantableVas,
  canManage,
  isSaAdmin,
}: {
  smartAccountId: string;
  rows: SmartAccountUserRow[];
  grantableVas: Va[];
  canManage: boolean;
  isSaAdmin: boolean;
}) {
  const router = useRouter();
  const [query, setQuery] = useState("");
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<SmartAccountUserRow | null>(null);
  const [removing, setRemoving] = useState<SmartAccountUserRow | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const q = query.trim().toLowerCase();
  const shown = rows.filter((r) => !q || `${r.ccoId} ${r.email} ${r.displayName}`.toLowerCase().includes(q));
  const grantable = new Set(grantableVas.map((v) => v.id));

  async function toggleAccess(row: SmartAccountUserRow) {
    const enabled = row.status === "Disabled";
    const r = await setUserAccessAction({ smartAccountId, userId: row.userId, enabled });
    if (r.ok) {
      toast.success(`Access of ${row.ccoId} was ${enabled ? "enabled" : "disabled"}.`);
      router.refresh();
    } else toast.error(r.error);
  }

  async function confirmRemove() {
    if (!removing) return;
    setBusy(true);
    const r = await removeUserAction({ smartAccountId, userId: removing.userId });
    setBusy(false);
    if (r.ok) {
      toast.success(`${removing.ccoId} was removed from this Smart Account.`);
      setRemoving(null);
      router.refresh();
    } else setRemoveError(r.error);
  }

  return (
    <section aria-label="Users">
      <div className="mb-2 flex items-center gap-2">
        {canManage && (
          <Button variant="primary" onClick={() => setAdding(true)} data-testid="s33-add-users">
            Add Users...
          </Button>
        )}
        <div className="ml-auto">
          <SearchBox label="Search by User or Email" onSearch={setQuery} testId="s33-search-users" />
        </div>
      </div>
      <table className="w-full rounded border border-slate-200 bg-white text-left" aria-label="Smart Account Users">
        <thead className="bg-slate-100 text-slate-600">
          <tr>
            {["User", "Email", "Smart Account Role", "Virtual Account Access", "Status"].map((h) => (
              <th key={h} scope="col" className="px-3 py-2">
                {h}
              </th>
            ))}
            {canManage && (
              <th scope="col" className="px-3 py-2">
                Actions
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => {
            const mayEdit = isSaAdmin || r.vaRoles.some((g) => grantable.has(g.virtualAccountId)) || grantableVas.length > 0;
            const mayRemove = isSaAdmin || r.vaRoles.some((g) => grantable.has(g.virtualAccountId));
            const actions = [
              ...(mayEdit ? [{ label: "Edit...", onSelect: () => setEditing(r) }] : []),
              ...(isSaAdmin
                ? [{ label: r.status === "Disabled" ? "Enable" : "Disable", onSelect: () => void toggleAccess(r) }]
                : []),
              ...(mayRemove
                ? [
                    {
                      label: "Remove",
                      danger: true,
                      onSelect: () => {
                        setRemoveError(null);
                        setRemoving(r);
                      },
                    },
                  ]
                : []),
            ];
            return (
              <tr key={r.userId} className="border-t border-slate-100 align-top" data-testid={`s33-user-${r.ccoId}`}>
                <td className="px-3 py-1.5">{r.ccoId}</td>
                <td className="px-3 py-1.5">{r.email}</td>
                <td className="px-3 py-1.5">{r.saRole ? ROLE_LABELS[r.saRole] : "-"}</td>
                <td className="px-3 py-1.5">
                  {r.vaRoles.length === 0
                    ? "-"
                    : r.vaRoles.map((g) => (
                        <div key={g.virtualAccountId}>
                          {g.vaName}: {ROLE_LABELS[g.role]}
                        </div>
                      ))}
                </td>
                <td className="px-3 py-1.5">{r.status}</td>
                {canManage && (
                  <td className="px-3 py-1.5">
                    <ActionsMenu actions={actions} label={`Actions for ${r.ccoId}`} />
                  </td>
                )}
              </tr>
            );
          })}
          {shown.length === 0 && (
            <tr>
              <td colSpan={6} className="px-3 py-3 text-center text-slate-500">
                {q ? "No Records Found" : "No Records to Display"}
              </td>
            </tr>
          )}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={6} className="px-3 py-2 text-slate-500">
              {allRecordsSummary(shown.length)}
            </td>
          </tr>
        </tfoot>
      </table>

      {adding && (
        <AddUsersDialog
          smartAccountId={smartAccountId}
          vas={grantableVas}
          isSaAdmin={isSaAdmin}
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            router.refresh();
          }}
        />
      )}
      {editing && (
        <EditUserDialog
          smartAccountId={smartAccountId}
          row={editing}
          vas={grantableVas}
          isSaAdmin={isSaAdmin}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            router.refresh();
          }}
        />
      )}
      <Dialog
        open={removing !== null}
        onOpenChange={(o) => !o && setRemoving(null)}
        title="Remove User"
        footer={
          <>
            <Button onClick={() => setRemoving(null)}>Cancel</Button>
            <Button variant="danger" disabled={busy} onClick={() => void confirmRemove()}>
              Remove
            </Button>
          </>
        }
      >
        <FormError message={removeError} />
        <p>
          {isSaAdmin
            ? `Remove ${removing?.ccoId} from this Smart Account? They lose every role they hold here.`
            : `Remove ${removing?.ccoId}'s roles on the virtual accounts you administer?`}
        </p>
      </Dialog>
    </section>
  );
}
