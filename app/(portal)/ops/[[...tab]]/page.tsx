import { notFound, redirect } from "next/navigation";
import { EventLog } from "@/components/event-log/event-log";
import { PageHeader } from "@/components/shell/cssm-shell";
import { TabNav } from "@/components/shell/tab-nav";
import { NotAvailable } from "@/components/ui/not-available";
import { getDb } from "@/db";
import { accessibleSmartAccounts } from "@/lib/access/context";
import { requireAccess } from "@/lib/auth/session";
import { allRecordsSummary } from "@/lib/format";

const TABS = [
  { label: "Smart Accounts", href: "/ops/smart-accounts" },
  { label: "Orders", href: "/ops/orders" },
  { label: "PAKs", href: "/ops/paks" },
  { label: "Policies", href: "/ops/policies" },
  { label: "Catalogue", href: "/ops/catalogue" },
  { label: "Event Log", href: "/ops/event-log" },
];

/** S-34 Licensing Operations console (licensing_ops only). */
export default async function OpsPage({ params }: { params: Promise<{ tab?: string[] }> }) {
  const ctx = await requireAccess();
  if (!ctx.user.licensingOps) notFound();
  const { tab } = await params;
  if (!tab) redirect("/ops/smart-accounts");
  const current = TABS.find((t) => t.href === `/ops/${tab[0]}`);
  if (!current || tab.length > 1) notFound();
  let body: React.ReactNode;
  if (current.label === "Event Log") body = <EventLog scope="ops" testIdPrefix="s34" />;
  else if (current.label === "Smart Accounts") {
    const accounts = await accessibleSmartAccounts(await getDb(), ctx);
    body = (
      <table className="w-full rounded border border-slate-200 bg-white text-left">
        <thead className="bg-slate-100 text-slate-600">
          <tr>
            {["Smart Account", "Domain", "Account Id", "Export-Controlled Functionality", "License Reservation", "Permanent License Reservation"].map((h) => (
              <th key={h} scope="col" className="px-3 py-2">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {accounts.map((sa) => (
            <tr key={sa.id} className="border-t border-slate-100">
              <td className="px-3 py-1.5">{sa.name}</td>
              <td className="px-3 py-1.5">{sa.domain}</td>
              <td className="px-3 py-1.5">{sa.accountId}</td>
              <td className="px-3 py-1.5">{sa.exportControlledAllowed ? "Allowed" : "Not Allowed"}</td>
              <td className="px-3 py-1.5">{sa.reservationEnabled ? "Enabled" : "Disabled"}</td>
              <td className="px-3 py-1.5">{sa.plrEnabled ? "Enabled" : "Disabled"}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={6} className="px-3 py-2 text-slate-500">
              {allRecordsSummary(accounts.length)}
            </td>
          </tr>
        </tfoot>
      </table>
    );
  } else body = <NotAvailable screen={current.label} />;
  return (
    <div className="px-6 py-4">
      <PageHeader trail="Licensing Operations" title="Licensing Operations" />
      <TabNav tabs={TABS} label="Licensing Operations" small />
      <div className="pt-4">{body}</div>
    </div>
  );
}
