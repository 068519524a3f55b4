import { getDb } from "@/db";
import { PageHeader } from "@/components/shell/cssm-shell";
import { accessibleSmartAccounts, saRoleOf } from "@/lib/access/context";
import { ROLE_LABELS } from "@/lib/access/roles";
import { requireAccess } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { SelectAccountList } from "./select-account-list";

/** S-2 full-page list `Smart Account | Domain | Your Role`. */
export default async function SelectAccountPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const ctx = await requireAccess();
  const { callbackUrl } = await searchParams;
  const accounts = await accessibleSmartAccounts(await getDb(), ctx);
  const rows = accounts.map((sa) => {
    const role = saRoleOf(ctx, sa.id);
    const label = role
      ? ROLE_LABELS[role]
      : [...ctx.vaRoles.values()].some((v) => v.saId === sa.id)
        ? "Virtual Account access"
        : ctx.user.licensingOps
          ? "Licensing Operations (read)"
          : "-";
    return { id: sa.id, name: sa.name, domain: sa.domain, role: label };
  });
  return (
    <div className="px-6 py-4">
      <PageHeader trail="Select Smart Account" title="Select a Smart Account" />
      <SelectAccountList rows={rows} callbackUrl={safeCallbackUrl(callbackUrl) ?? "/"} />
    </div>
  );
}
