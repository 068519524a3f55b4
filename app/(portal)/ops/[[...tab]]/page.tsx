import { notFound, redirect } from "next/navigation";
import { EventLog } from "@/components/event-log/event-log";
import { PageHeader } from "@/components/shell/cssm-shell";
import { TabNav } from "@/components/shell/tab-nav";
import { NotAvailable } from "@/components/ui/not-available";
import { getDb } from "@/db";
import { listSmartAccountsForOps } from "@/lib/ops/smart-accounts";
import { listOrders, orderFormChoices } from "@/lib/ops/orders";
import { isoDate, now } from "@/lib/clock";
import { OrdersTab } from "@/components/ops/orders-tab";
import { SmartAccountsTable } from "@/components/ops/smart-accounts-table";
import { PoliciesTab } from "@/components/ops/policies-tab";
import { listPoliciesForOps, policyTargets } from "@/lib/policy/manage";
import { PaksTab } from "@/components/ops/paks-tab";
import { CatalogueTab } from "@/components/ops/catalogue-tab";
import { pakFormChoices } from "@/lib/ops/paks";
import { catalogueMaps } from "@/lib/ops/catalogue";
import { requireAccess } from "@/lib/auth/session";

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
    body = <SmartAccountsTable rows={await listSmartAccountsForOps(await getDb(), ctx)} />;
  } else if (current.label === "Orders") {
    const db = await getDb();
    const rows = await listOrders(db, ctx);
    body = <OrdersTab rows={rows} choices={await orderFormChoices(db, ctx)} today={isoDate(now())} />;
  } else if (current.label === "Policies") {
    const db = await getDb();
    body = <PoliciesTab rows={await listPoliciesForOps(db, ctx)} targets={await policyTargets(db, ctx)} />;
  } else if (current.label === "PAKs") {
    body = <PaksTab choices={await pakFormChoices(await getDb(), ctx)} />;
  } else if (current.label === "Catalogue") {
    body = <CatalogueTab maps={await catalogueMaps(await getDb(), ctx)} />;
  } else body = <NotAvailable screen={current.label} />;
  return (
    <div className="px-6 py-4">
      <PageHeader trail="Licensing Operations" title="Licensing Operations" />
      <TabNav tabs={TABS} label="Licensing Operations" small />
      <div className="pt-4">{body}</div>
    </div>
  );
}
