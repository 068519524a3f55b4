import { notFound } from "next/navigation";
import { DevNav } from "@/components/dev/dev-nav";
import { TopBar } from "@/components/shell/top-bar";
import { requireAccess } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { demoDataBadge } from "@/lib/seed/demo-badge";

export const dynamic = "force-dynamic";

/** S-60 demo tools: only with DEMO_TOOLS=1 (otherwise not found), for signed-in users. */
export default async function DevLayout({ children }: { children: React.ReactNode }) {
  if (!config.demoTools) notFound();
  const ctx = await requireAccess();
  return (
    <>
      <TopBar displayName={ctx.user.displayName} demoBadge={await demoDataBadge()} />
      <main className="mx-auto max-w-7xl px-6 py-4">
        <h1 className="mb-3 text-2xl font-light">Demo tools</h1>
        <DevNav />
        {children}
      </main>
    </>
  );
}
