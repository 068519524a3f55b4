import type { ReactNode } from "react";
import { brandTitle } from "@/lib/config";
import { HeaderLinks } from "./header-links";
import { SmartAccountSelector } from "./sa-selector";
import { TabNav } from "./tab-nav";

type Sa = { id: string; name: string; domain: string };

export const CSSM_TABS = [
  { label: "Alerts", href: "/alerts", testId: "s4-tab-alerts" },
  { label: "Inventory", href: "/inventory/general", match: "/inventory", testId: "s4-tab-inventory" },
  { label: "Convert to Smart Licensing", href: "/convert/paks", match: "/convert", testId: "s4-tab-convert" },
  { label: "Reports", href: "/reports/report", match: "/reports", testId: "s4-tab-reports" },
  { label: "Preferences", href: "/preferences", testId: "s4-tab-preferences" },
  { label: "On-Prem Accounts", href: "/on-prem-accounts", testId: "s4-tab-on-prem-accounts" },
  { label: "Activity", href: "/activity/license-transactions", match: "/activity", testId: "s4-tab-activity" },
];

/** Breadcrumb with the SA selector, a page title and header links (S-4, S-33). */
export function PageHeader({
  trail,
  title,
  smartAccount,
  accounts,
  links,
}: {
  trail: string;
  title: string;
  smartAccount?: Sa;
  accounts?: Sa[];
  links?: ReactNode;
}) {
  return (
    <div className="mb-3">
      <nav aria-label="Breadcrumb" className="flex items-center gap-2 text-slate-600">
        <span>
          {brandTitle()} &gt; {trail}
        </span>
        {smartAccount && accounts && <SmartAccountSelector current={smartAccount} accounts={accounts} />}
      </nav>
      <div className="mt-1 flex items-center justify-between">
        <h1 className="text-2xl font-light text-slate-800">{title}</h1>
        {links}
      </div>
    </div>
  );
}

/** S-4 CSSM shell. */
export function CssmShell({ smartAccount, accounts, children }: { smartAccount: Sa; accounts: Sa[]; children: ReactNode }) {
  return (
    <div className="px-6 py-4">
      <PageHeader
        trail="Smart Software Licensing"
        title="Smart Software Licensing"
        smartAccount={smartAccount}
        accounts={accounts}
        links={<HeaderLinks />}
      />
      <TabNav tabs={CSSM_TABS} label="Smart Software Licensing" />
      <div className="pt-4">{children}</div>
    </div>
  );
}
