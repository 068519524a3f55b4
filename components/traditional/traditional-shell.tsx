import type { ReactNode } from "react";
import { PageHeader } from "@/components/shell/cssm-shell";
import { TabNav } from "@/components/shell/tab-nav";

export const TRADITIONAL_TABS = [
  { label: "PAKs or Tokens", href: "/traditional", match: "/traditional/paks", testId: "s51-tab-paks-or-tokens" },
  { label: "Licenses", href: "/traditional/licenses", testId: "s51-tab-licenses" },
  { label: "Devices", href: "/traditional/devices", testId: "s51-tab-devices" },
  { label: "Transactions History", href: "/traditional/transactions", testId: "s51-tab-transactions-history" },
];

/** S-51 Traditional shell: title, tabs with their own URLs, and the Smart Account on the right. */
export function TraditionalShell({ smartAccountName, children }: { smartAccountName: string; children: ReactNode }) {
  return (
    <div className="px-6 py-4">
      <PageHeader
        trail="Traditional Licensing"
        title="Product License Registration"
        links={
          <span className="text-slate-700" data-testid="s51-smart-account">
            Smart Account: {smartAccountName}
          </span>
        }
      />
      <TabNav tabs={TRADITIONAL_TABS} label="Product License Registration" />
      <div className="pt-4">{children}</div>
    </div>
  );
}
