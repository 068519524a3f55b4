import { notFound } from "next/navigation";
import { PageHeader } from "@/components/shell/cssm-shell";
import { TabNav } from "@/components/shell/tab-nav";
import { NotAvailable } from "@/components/ui/not-available";
import { AccountProperties } from "@/components/manage-account/account-properties";
import { UsersTab } from "@/components/manage-account/users-tab";
import { VirtualAccountsTab } from "@/components/manage-account/virtual-accounts-tab";
import { resolveSmartAccount } from "@/lib/access/current-account";

const TABS = [
  { label: "Account Properties", href: "/manage-account/account-properties", testId: "s33-tab-account-properties" },
  { label: "Virtual Accounts", href: "/manage-account/virtual-accounts", testId: "s33-tab-virtual-accounts" },
  { label: "Users", href: "/manage-account/users", testId: "s33-tab-users" },
  { label: "API Clients", href: "/manage-account/api-clients", testId: "s33-tab-api-clients" },
];

/** S-33 Manage Smart Account. */
export default async function ManageAccountPage({ params }: { params: Promise<{ tab: string }> }) {
  const { tab } = await params;
  const current = TABS.find((t) => t.href === `/manage-account/${tab}`);
  if (!current) notFound();
  const { ctx, smartAccount, accessible } = await resolveSmartAccount({ returnTo: current.href });
  let body: React.ReactNode;
  switch (tab) {
    case "account-properties":
      body = <AccountProperties sa={smartAccount} />;
      break;
    case "virtual-accounts":
      body = <VirtualAccountsTab ctx={ctx} sa={smartAccount} />;
      break;
    case "users":
      body = <UsersTab ctx={ctx} sa={smartAccount} />;
      break;
    default:
      body = <NotAvailable screen="API Clients" />;
  }
  return (
    <div className="px-6 py-4">
      <PageHeader trail="Manage Smart Account" title="Manage Smart Account" smartAccount={smartAccount} accounts={accessible} />
      <TabNav tabs={TABS} label="Manage Smart Account" />
      <div className="pt-4">{body}</div>
    </div>
  );
}
