import { getDb } from "@/db";
import type { SmartAccount } from "@/db/schema";
import type { AccessContext } from "@/lib/access/context";
import { listVirtualAccountSummaries } from "@/lib/accounts/virtual-accounts";

/** S-33 Virtual Accounts (listing; creating, editing and removing VAs arrive with the inventory work). */
export async function VirtualAccountsTab({ ctx, sa }: { ctx: AccessContext; sa: SmartAccount }) {
  const rows = await listVirtualAccountSummaries(await getDb(), ctx, sa.id);
  return (
    <table className="w-full rounded border border-slate-200 bg-white text-left" aria-label="Virtual Accounts">
      <thead className="bg-slate-100 text-slate-600">
        <tr>
          {["Name", "Description", "Default", "Licenses", "Product Instances", "On-Prem"].map((h) => (
            <th key={h} scope="col" className="px-3 py-2">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-t border-slate-100">
            <td className="px-3 py-1.5">
              <a href={`/inventory/general?va=${r.id}`}>{r.name}</a>
            </td>
            <td className="px-3 py-1.5">{r.description || "-"}</td>
            <td className="px-3 py-1.5">{r.isDefault ? "★ Yes" : "No"}</td>
            <td className="px-3 py-1.5">{r.licenses}</td>
            <td className="px-3 py-1.5">{r.productInstances}</td>
            <td className="px-3 py-1.5">{r.onPrem ?? "-"}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={6} className="px-3 py-2 text-slate-500">
            {rows.length === 1 ? "Showing 1 Record" : `Showing All ${rows.length} Records`}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
