import Link from "next/link";
import { brandTitle } from "@/lib/config";
import { UserMenu } from "./user-menu";
import { WorkspaceSwitcher } from "./workspace-switcher";

/** S-2 global top bar. */
export function TopBar({ displayName, demoBadge }: { displayName: string; demoBadge?: boolean }) {
  return (
    <header className="flex items-center gap-4 bg-slate-900 px-4 py-2 text-slate-100" data-testid="s2-top-bar">
      <Link href="/central" className="font-semibold text-white hover:no-underline" data-testid="s2-brand">
        {brandTitle()}
      </Link>
      <WorkspaceSwitcher />
      {demoBadge && (
        <span className="rounded bg-amber-400 px-2 py-0.5 text-xs font-semibold text-slate-900" data-testid="s2-demo-badge">
          Demo data
        </span>
      )}
      <div className="ml-auto flex items-center gap-4">
        <span className="text-slate-300">
          English <span className="text-slate-400">[ Change ]</span>
        </span>
        <UserMenu displayName={displayName} />
      </div>
    </header>
  );
}
