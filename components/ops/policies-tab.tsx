"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { ActionsMenu, type MenuAction } from "@/components/ui/actions-menu";
import { Button } from "@/components/ui/button";
import { SimpleTable } from "@/components/ui/simple-table";
import type { OpsPolicyRow } from "@/lib/policy/manage";
import { AssignPolicyDialog, PolicyFormDialog, type PolicyTarget, PublishPolicyDialog } from "./policy-dialogs";

type Open = { kind: "new" } | { kind: "edit" | "publish" | "assign"; policy: OpsPolicyRow } | null;

const list = (items: string[]) => (items.length ? items.join(", ") : "-");

/** S-34 Policies (W-53): custom policies, `Publish...` to Smart Accounts and `Assign...` to an SA or VA. */
export function PoliciesTab({ rows, targets }: { rows: OpsPolicyRow[]; targets: PolicyTarget[] }) {
  const router = useRouter();
  const [open, setOpen] = useState<Open>(null);
  const done = (message: string) => {
    setOpen(null);
    toast.success(message);
    router.refresh();
  };
  const actionsOf = (p: OpsPolicyRow): MenuAction[] => [
    ...(p.isCiscoDefault
      ? []
      : [
          { label: "Edit...", onSelect: () => setOpen({ kind: "edit", policy: p }) },
          { label: "Publish...", onSelect: () => setOpen({ kind: "publish", policy: p }) },
        ]),
    { label: "Assign...", onSelect: () => setOpen({ kind: "assign", policy: p }) },
  ];
  return (
    <section aria-label="Policies">
      <div className="mb-2">
        <Button variant="primary" onClick={() => setOpen({ kind: "new" })} data-testid="s34-new-policy">
          New Policy...
        </Button>
      </div>
      <SimpleTable label="Policies" headers={["Name", "Version", "ACK Required", "Published To", "Assigned To", "Actions"]} count={rows.length}>
        {rows.map((p) => (
          <tr key={p.id} className="border-t border-slate-100" data-testid={`s34-policy-${p.name}`}>
            <td className="px-3 py-1.5">{p.name}</td>
            <td className="px-3 py-1.5">{p.version}</td>
            <td className="px-3 py-1.5">{p.ackRequired === false ? "No" : "Yes"}</td>
            <td className="px-3 py-1.5">{p.isCiscoDefault ? "All Smart Accounts" : list(p.publishedTo.map((s) => s.name))}</td>
            <td className="px-3 py-1.5">{list(p.assignedTo)}</td>
            <td className="px-3 py-1.5">
              <ActionsMenu label={`Actions for ${p.name}`} actions={actionsOf(p)} />
            </td>
          </tr>
        ))}
      </SimpleTable>
      {open?.kind === "new" && (
        <PolicyFormDialog policy={null} ciscoDefault={rows.find((r) => r.isCiscoDefault)} onClose={() => setOpen(null)} onDone={done} />
      )}
      {open?.kind === "edit" && (
        <PolicyFormDialog policy={open.policy} ciscoDefault={rows.find((r) => r.isCiscoDefault)} onClose={() => setOpen(null)} onDone={done} />
      )}
      {open?.kind === "publish" && <PublishPolicyDialog policy={open.policy} targets={targets} onClose={() => setOpen(null)} onDone={done} />}
      {open?.kind === "assign" && <AssignPolicyDialog policy={open.policy} targets={targets} onClose={() => setOpen(null)} onDone={done} />}
    </section>
  );
}
