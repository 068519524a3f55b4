"use client";

import { clsx } from "clsx";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

export type Tab = { label: string; href: string; match?: string; testId?: string };

/** Tabs that are links: each has its own URL, so it can be shared and the back button works. */
export function TabNav({ tabs, label, keepQuery = [], small }: { tabs: Tab[]; label: string; keepQuery?: string[]; small?: boolean }) {
  const pathname = usePathname();
  const search = useSearchParams();
  const query = new URLSearchParams();
  for (const key of keepQuery) {
    const v = search.get(key);
    if (v) query.set(key, v);
  }
  const suffix = query.size ? `?${query}` : "";
  return (
    <nav aria-label={label} className={clsx("flex flex-wrap border-b border-slate-300", small ? "gap-4" : "gap-1")}>
      {tabs.map((tab) => {
        const active = pathname === tab.href || pathname.startsWith((tab.match ?? tab.href) + "/") || pathname === tab.match;
        return (
          <Link
            key={tab.href}
            href={tab.href + suffix}
            aria-current={active ? "page" : undefined}
            data-testid={tab.testId}
            className={clsx(
              "-mb-px border-b-2 hover:no-underline",
              small ? "px-1 py-2" : "px-3 py-2 font-medium",
              active ? "border-sky-700 text-sky-800" : "border-transparent text-slate-600 hover:text-slate-900",
            )}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
