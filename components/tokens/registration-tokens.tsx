"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ActionsMenu, type MenuAction } from "@/components/ui/actions-menu";
import { Button } from "@/components/ui/button";
import { CreateTokenDialog } from "./create-token-dialog";
import { RevokeTokenDialog } from "./revoke-token-dialog";
import { copyToken, downloadToken, fetchToken, TokenDialog } from "./token-dialog";

type Row = {
  id: string;
  preview: string;
  expiration: string;
  active: boolean;
  uses: string;
  exportControlled: string;
  description: string;
  createdBy: string;
  canCopy: boolean;
  canRevoke: boolean;
};

type Open = { kind: "create" } | { kind: "token"; id: string; token?: string } | { kind: "revoke"; id: string } | null;

/** S-7 `Product Instance Registration Tokens`: `New Token...`, the token table and its dialogs (W-4..W-6). */
export function RegistrationTokens({
  vaId,
  vaName,
  canCreate,
  exportAllowed,
}: {
  vaId: string;
  vaName: string;
  canCreate: boolean;
  exportAllowed: boolean;
}) {
  const [showAll, setShowAll] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  const queryClient = useQueryClient();
  const query = useQuery<{ rows: Row[] }>({
    queryKey: ["tokens", vaId, showAll],
    queryFn: async () => {
      const res = await fetch(`/api/ui/tokens?va=${vaId}&all=${showAll ? 1 : 0}`);
      const body = await res.json();
      if (!res.ok) throw new Error(body.message ?? "The tokens could not be loaded.");
      return body;
    },
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["tokens", vaId] });
  const rows = query.data?.rows;

  function actionsOf(r: Row): MenuAction[] {
    const actions: MenuAction[] = [];
    if (r.canCopy) {
      actions.push({
        label: "Copy",
        onSelect: () =>
          void fetchToken(r.id)
            .then(({ token }) => copyToken(token).then((ok) => !ok && setOpen({ kind: "token", id: r.id, token })))
            .catch(() => setOpen({ kind: "token", id: r.id })),
      });
      actions.push({ label: "Download", onSelect: () => downloadToken(r.id) });
    }
    if (r.canRevoke) actions.push({ label: "Revoke...", onSelect: () => setOpen({ kind: "revoke", id: r.id }), danger: true });
    return actions;
  }

  return (
    <div>
      <p className="mb-3 text-slate-600">
        Product instances use these tokens to register with this virtual account. Create a token, then enter it on the
        device or in the tool that registers it.
      </p>
      <div className="mb-2 flex items-center gap-4">
        {canCreate && (
          <Button variant="primary" onClick={() => setOpen({ kind: "create" })} data-testid="s7-new-token">
            New Token...
          </Button>
        )}
        <label className="ml-auto flex items-center gap-2">
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} data-testid="s7-show-expired-and-revoked-tokens" />
          Show expired and revoked tokens
        </label>
      </div>
      {query.isError ? (
        <p role="alert" className="rounded border border-slate-200 bg-white px-3 py-4 text-red-700">
          {(query.error as Error).message}{" "}
          <Button variant="link" onClick={() => query.refetch()}>
            Try again
          </Button>
        </p>
      ) : (
        <div className="rounded border border-slate-200 bg-white">
          <table className="w-full text-left" aria-label="Registration Tokens" aria-busy={query.isFetching} data-testid="s7-token-table">
            <thead className="bg-slate-100 text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">Token</th>
                <th scope="col" className="px-3 py-2">Expiration Date</th>
                <th scope="col" className="px-3 py-2">Uses</th>
                <th scope="col" className="px-3 py-2">Export-Controlled</th>
                <th scope="col" className="px-3 py-2">Description</th>
                <th scope="col" className="px-3 py-2">Created By</th>
                <th scope="col" className="px-3 py-2">Actions</th>
              </tr>
            </thead>
            <tbody>
              {rows?.map((r) => (
                <tr key={r.id} className="border-t border-slate-100" data-testid="s7-token-row">
                  <td className="whitespace-nowrap px-3 py-1.5 font-mono text-xs">
                    {r.canCopy ? (
                      <Button variant="link" onClick={() => setOpen({ kind: "token", id: r.id })} className="font-mono text-xs" data-testid="s7-token">
                        {r.preview}
                      </Button>
                    ) : (
                      r.preview
                    )}
                  </td>
                  <td className={`whitespace-nowrap px-3 py-1.5 ${r.active ? "" : "text-red-700"}`}>{r.expiration}</td>
                  <td className="px-3 py-1.5">{r.uses}</td>
                  <td className="px-3 py-1.5">{r.exportControlled}</td>
                  <td className="max-w-64 truncate px-3 py-1.5" title={r.description || undefined}>
                    {r.description}
                  </td>
                  <td className="px-3 py-1.5">{r.createdBy}</td>
                  <td className="px-3 py-1.5">
                    <ActionsMenu actions={actionsOf(r)} label={`Actions for token ${r.preview}`} />
                  </td>
                </tr>
              ))}
              {rows && rows.length === 0 && (
                <tr>
                  <td colSpan={7} className="px-3 py-4 text-center text-slate-500">
                    No Records to Display
                  </td>
                </tr>
              )}
              {!rows && (
                <tr>
                  <td colSpan={7} className="px-3 py-4 text-center text-slate-500">
                    Loading…
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          {rows && rows.length > 0 && (
            <p role="status" className="border-t border-slate-200 px-3 py-2 text-slate-600" data-testid="s7-token-count">
              {rows.length === 1 ? "Showing 1 Record" : `Showing All ${rows.length} Records`}
            </p>
          )}
        </div>
      )}
      {open?.kind === "create" && (
        <CreateTokenDialog
          vaId={vaId}
          vaName={vaName}
          exportAllowed={exportAllowed}
          onClose={() => setOpen(null)}
          onCreated={(created) => {
            void refresh();
            setOpen({ kind: "token", ...created });
          }}
        />
      )}
      {open?.kind === "token" && <TokenDialog id={open.id} token={open.token} onClose={() => setOpen(null)} />}
      {open?.kind === "revoke" && (
        <RevokeTokenDialog
          id={open.id}
          onClose={() => setOpen(null)}
          onDone={() => {
            void refresh();
            setOpen(null);
          }}
        />
      )}
    </div>
  );
}
