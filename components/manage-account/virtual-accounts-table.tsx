"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import {
  makeDefaultVirtualAccountAction,
  removeVirtualAccountAction,
} from "@/app/(portal)/manage-account/actions";
import { ActionsMenu } from "@/components/ui/actions-menu";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { SearchBox } from "@/components/ui/search-box";
import type { VirtualAccountSummary } from "@/lib/accounts/virtual-accounts";
import { VirtualAccountDialog } from "./virtual-account-dialog";

import { SimpleTable } from "@/components/ui/simple-table";

/** INV-8 blockers as W-3 lists them, derived from the row's counts. */
export function removalBlockers(row: VirtualAccountSummary): string[] {
  const out: string[] = [];
  if (row.isDefault) out.push("Virtual account is the default.");
  if (row.licenses > 0) out.push(`Virtual account still holds ${row.licenses} licenses.`);
  if (row.productInstances > 0) out.push(`Virtual account still has ${row.productInstances} product instances.`);
  if (row.onPrem) out.push("Virtual account is associated with an On-Prem account.");
  return out;
}

export function VirtualAccountsTable({
  smartAccountId,
  rows,
  canManage,
  members,
}: {
  smartAccountId: string;
  rows: VirtualAccountSummary[];
  canManage: boolean;
  members: { id: string; label: string }[];
}) {
  const router = useRouter();
  const [query, setQuery] = useState("");
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<VirtualAccountSummary | null>(null);
  const [removing, setRemoving] = useState<VirtualAccountSummary | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const q = query.trim().toLowerCase();
  const shown = rows.filter((r) => !q || r.name.toLowerCase().includes(q));
  const done = (message: string) => {
    toast.success(message);
    router.refresh();
  };

  async function makeDefault(row: VirtualAccountSummary) {
    const r = await makeDefaultVirtualAccountAction({ virtualAccountId: row.id });
    if (r.ok) done(`"${row.name}" is now the default virtual account.`);
    else toast.error(r.error);
  }

  async function remove() {
    if (!removing) return;
    setBusy(true);
    const r = await removeVirtualAccountAction({ virtualAccountId: removing.id });
    setBusy(false);
    if (r.ok) {
      setRemoving(null);
      done(`Virtual account "${removing.name}" was removed.`);
    } else setRemoveError(r.error);
  }

  const blockers = removing ? removalBlockers(removing) : [];
  return (
    <section aria-label="Virtual Accounts">
      <div className="mb-2 flex items-center gap-2">
        {canManage && (
          <Button variant="primary" onClick={() => setCreating(true)} data-testid="s33-new-virtual-account">
            New Virtual Account...
          </Button>
        )}
        <div className="ml-auto">
          <SearchBox label="Search by Name" onSearch={setQuery} testId="s33-search-virtual-accounts" />
        </div>
      </div>
      <SimpleTable label="Virtual Accounts" headers={["Name", "Description", "Default", "Licenses", "Product Instances", "On-Prem", ...(canManage ? ["Actions"] : [])]} count={shown.length} searching={Boolean(q)}>
          {shown.map((r) => (
            <tr key={r.id} className="border-t border-slate-100" data-testid={`s33-va-${r.name}`}>
              <td className="px-3 py-1.5">
                <a href={`/inventory/general?va=${r.id}`}>{r.name}</a>
              </td>
              <td className="px-3 py-1.5">{r.description || "-"}</td>
              <td className="px-3 py-1.5">{r.isDefault ? "★ Yes" : "No"}</td>
              <td className="px-3 py-1.5">{r.licenses}</td>
              <td className="px-3 py-1.5">{r.productInstances}</td>
              <td className="px-3 py-1.5">{r.onPrem ?? "-"}</td>
              {canManage && (
                <td className="px-3 py-1.5">
                  <ActionsMenu
                    label={`Actions for ${r.name}`}
                    actions={[
                      { label: "Edit...", onSelect: () => setEditing(r) },
                      ...(r.isDefault ? [] : [{ label: "Make Default", onSelect: () => void makeDefault(r) }]),
                      {
                        label: "Remove...",
                        danger: true,
                        onSelect: () => {
                          setRemoveError(null);
                          setRemoving(r);
                        },
                      },
                    ]}
                  />
                </td>
              )}
            </tr>
          ))}
      </SimpleTable>

      {creating && (
        <VirtualAccountDialog
          mode="create"
          smartAccountId={smartAccountId}
          members={members}
          onClose={() => setCreating(false)}
          onDone={(name) => {
            setCreating(false);
            done(`Virtual account "${name}" was created.`);
          }}
        />
      )}
      {editing && (
        <VirtualAccountDialog
          mode="edit"
          smartAccountId={smartAccountId}
          members={members}
          initial={editing}
          onClose={() => setEditing(null)}
          onDone={(name) => {
            setEditing(null);
            done(`Virtual account "${name}" was saved.`);
          }}
        />
      )}
      <Dialog
        open={removing !== null}
        onOpenChange={(o) => !o && setRemoving(null)}
        title="Remove Virtual Account"
        footer={
          <>
            <Button onClick={() => setRemoving(null)}>Cancel</Button>
            <Button variant="danger" disabled={busy || blockers.length > 0} onClick={() => void remove()}>
              Remove
            </Button>
          </>
        }
      >
        <FormError message={removeError} />
        {blockers.length > 0 ? (
          <>
            <p className="mb-2">&quot;{removing?.name}&quot; cannot be removed yet:</p>
            <ul className="list-disc pl-5" aria-label="What blocks removal">
              {blockers.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>
            Remove the virtual account &quot;{removing?.name}&quot;? Its active registration tokens are revoked. This cannot be undone.
          </p>
        )}
      </Dialog>
    </section>
  );
}
