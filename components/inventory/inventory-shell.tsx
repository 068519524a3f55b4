import type { ReactNode } from "react";
import { getDb } from "@/db";
import type { VirtualAccount } from "@/db/schema";
import { alertCountsByVa, topVaAlerts } from "@/lib/alerts/counters";
import { tagNamesByVirtualAccount } from "@/lib/licensing/tags";
import { getHideAlerts } from "@/lib/preferences/hide-alerts";
import { TabNav } from "@/components/shell/tab-nav";
import { AlertBar } from "./alert-bar";
import { VirtualAccountSelector } from "./va-selector";

export const INVENTORY_TABS = [
  { label: "General", href: "/inventory/general", testId: "s6-tab-general" },
  { label: "Licenses", href: "/inventory/licenses", testId: "s6-tab-licenses" },
  { label: "Product Instances", href: "/inventory/product-instances", testId: "s6-tab-product-instances" },
  { label: "Event Log", href: "/inventory/event-log", testId: "s6-tab-event-log" },
];

/** S-6 Inventory shell: VA context bar, alert counters and panel, sub-tabs. */
export async function InventoryShell({
  userId,
  smartAccountId,
  va,
  vas,
  children,
}: {
  userId: string;
  smartAccountId: string;
  va: VirtualAccount;
  vas: VirtualAccount[];
  children: ReactNode;
}) {
  const db = await getDb();
  const counts = await alertCountsByVa(db, vas.map((v) => v.id));
  const panel = await topVaAlerts(db, va.id);
  const hidden = await getHideAlerts(db, userId, smartAccountId);
  const tags = await tagNamesByVirtualAccount(db, smartAccountId, vas.map((v) => v.id));
  const options = vas.map((v) => ({
    id: v.id,
    name: v.name,
    isDefault: v.isDefault,
    tags: tags.get(v.id) ?? [],
    ...(counts.get(v.id) ?? { major: 0, minor: 0 }),
  }));
  const mine = counts.get(va.id) ?? { major: 0, minor: 0 };
  return (
    <div>
      <div className="mb-2">
        <VirtualAccountSelector current={options.find((o) => o.id === va.id)!} options={options} />
      </div>
      <AlertBar
        key={va.id}
        smartAccountId={smartAccountId}
        vaId={va.id}
        major={mine.major}
        minor={mine.minor}
        hidden={hidden}
        alerts={panel.map((a) => ({ id: a.id, severity: a.severity, message: a.message, actionDue: a.actionDueAt?.toISOString() ?? null, type: a.type }))}
      />
      <TabNav tabs={INVENTORY_TABS} label="Inventory" keepQuery={["va"]} small />
      <div className="pt-4">{children}</div>
    </div>
  );
}
