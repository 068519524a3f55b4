import { TopBar } from "@/components/shell/top-bar";
import { requireAccess } from "@/lib/auth/session";
import { demoDataBadge } from "@/lib/seed/demo-badge";

export const dynamic = "force-dynamic";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireAccess();
  return (
    <>
      <TopBar displayName={ctx.user.displayName} demoBadge={await demoDataBadge()} />
      <main>{children}</main>
    </>
  );
}
