"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

export type VaGrant = { virtualAccountId: string; role: "VA_ADMIN" | "VA_USER" | "VA_VIEWER" };
export type SaRoleChoice = "NONE" | "SA_ADMIN" | "SA_USER" | "SA_VIEWER";

export const SA_ROLE_OPTIONS: { value: SaRoleChoice; label: string }[] = [
  { value: "NONE", label: "None" },
  { value: "SA_ADMIN", label: "Smart Account Administrator" },
  { value: "SA_USER", label: "Smart Account User" },
  { value: "SA_VIEWER", label: "Smart Account Viewer" },
];
export const VA_ROLE_OPTIONS: { value: VaGrant["role"]; label: string }[] = [
  { value: "VA_ADMIN", label: "Virtual Account Administrator" },
  { value: "VA_USER", label: "Virtual Account User" },
  { value: "VA_VIEWER", label: "Virtual Account Viewer" },
];

const select = "rounded border border-slate-300 bg-white px-2 py-1";

/** `Smart Account Role` select and the `Virtual Account Access` VA + role table of S-33. */
export function RoleEditor({
  saRole,
  onSaRole,
  showSaRole,
  grants,
  onGrants,
  vas,
}: {
  saRole: SaRoleChoice;
  onSaRole: (r: SaRoleChoice) => void;
  showSaRole: boolean;
  grants: VaGrant[];
  onGrants: (g: VaGrant[]) => void;
  vas: { id: string; name: string }[];
}) {
  const unused = vas.filter((v) => !grants.some((g) => g.virtualAccountId === v.id));
  const name = (id: string) => vas.find((v) => v.id === id)?.name ?? "";
  return (
    <div className="space-y-3">
      {showSaRole && (
        <label className="block">
          <span className="mb-1 block font-medium">Smart Account Role</span>
          <select aria-label="Smart Account Role" className={select} value={saRole} onChange={(e) => onSaRole(e.target.value as SaRoleChoice)}>
            {SA_ROLE_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <fieldset>
        <legend className="mb-1 font-medium">Virtual Account Access</legend>
        <table className="w-full text-left" aria-label="Virtual Account Access">
          <thead className="text-slate-500">
            <tr>
              <th className="py-1">Virtual Account</th>
              <th className="py-1">Role</th>
              <th className="py-1">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {grants.map((g, i) => (
              <tr key={g.virtualAccountId}>
                <td className="py-1">{name(g.virtualAccountId)}</td>
                <td className="py-1">
                  <select
                    aria-label={`Role on ${name(g.virtualAccountId)}`}
                    className={select}
                    value={g.role}
                    onChange={(e) => onGrants(grants.map((x, j) => (j === i ? { ...x, role: e.target.value as VaGrant["role"] } : x)))}
                  >
                    {VA_ROLE_OPTIONS.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="py-1 text-right">
                  <button
                    type="button"
                    aria-label={`Remove access to ${name(g.virtualAccountId)}`}
                    className="px-2 text-lg text-slate-500 hover:text-red-700"
                    onClick={() => onGrants(grants.filter((_, j) => j !== i))}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {unused.length > 0 && (
          <AddGrant vas={unused} onAdd={(g) => onGrants([...grants, g])} />
        )}
      </fieldset>
    </div>
  );
}

function AddGrant({ vas, onAdd }: { vas: { id: string; name: string }[]; onAdd: (g: VaGrant) => void }) {
  const [va, setVa] = useState(vas[0].id);
  const [role, setRole] = useState<VaGrant["role"]>("VA_USER");
  const chosen = vas.some((v) => v.id === va) ? va : vas[0].id;
  return (
    <div className="mt-2 flex items-center gap-2">
      <select aria-label="Virtual Account to add" className={select} value={chosen} onChange={(e) => setVa(e.target.value)}>
        {vas.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
      </select>
      <select aria-label="Role to add" className={select} value={role} onChange={(e) => setRole(e.target.value as VaGrant["role"])}>
        {VA_ROLE_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Button onClick={() => onAdd({ virtualAccountId: chosen, role })}>Add</Button>
    </div>
  );
}
