import { getDb } from "@/db";
import type { SmartAccount } from "@/db/schema";
import { type AccessContext, can, saRoleOf, visibleVirtualAccounts } from "@/lib/access/context";
import { grantableVaIds, listSmartAccountUsers } from "@/lib/accounts/users";
import { UsersTable } from "./users-table";

/** S-33 Users: read-only for SA Users and Viewers; VA admins manage VA roles on their own VAs. */
export async function UsersTab({ ctx, sa }: { ctx: AccessContext; sa: SmartAccount }) {
  const db = await getDb();
  const rows = await listSmartAccountUsers(db, ctx, sa.id);
  const vas = await visibleVirtualAccounts(db, ctx, sa.id);
  const grantable = grantableVaIds(ctx, sa.id, vas.map((v) => v.id));
  return (
    <UsersTable
      smartAccountId={sa.id}
      rows={rows}
      grantableVas={vas.filter((v) => grantable.has(v.id)).map((v) => ({ id: v.id, name: v.name }))}
      canManage={can(ctx, "users.manage", { saId: sa.id })}
      isSaAdmin={saRoleOf(ctx, sa.id) === "SA_ADMIN"}
    />
  );
}
