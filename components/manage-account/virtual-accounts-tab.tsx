import { getDb } from "@/db";
import type { SmartAccount } from "@/db/schema";
import { type AccessContext, can } from "@/lib/access/context";
import { listSmartAccountUsers } from "@/lib/accounts/users";
import { listVirtualAccountSummaries } from "@/lib/accounts/virtual-accounts";
import { VirtualAccountsTable } from "./virtual-accounts-table";

/** S-33 Virtual Accounts: the list for everyone who can see it; create/edit/default/remove for SA admins (W-1 … W-3). */
export async function VirtualAccountsTab({ ctx, sa }: { ctx: AccessContext; sa: SmartAccount }) {
  const db = await getDb();
  const rows = await listVirtualAccountSummaries(db, ctx, sa.id);
  const canManage = can(ctx, "va.manage", { saId: sa.id });
  const members = canManage ? await listSmartAccountUsers(db, ctx, sa.id) : [];
  return (
    <VirtualAccountsTable
      smartAccountId={sa.id}
      rows={rows}
      canManage={canManage}
      members={members.filter((m) => m.status === "Active").map((m) => ({ id: m.userId, label: `${m.ccoId} (${m.email})` }))}
    />
  );
}
