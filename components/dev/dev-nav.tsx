"use client";

import { clsx } from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { label: "Device Simulator", href: "/dev", testId: "s60-device-simulator-link" },
  { label: "Traditional device tools", href: "/dev/traditional", testId: "s60-traditional-device-tools" },
  { label: "Mailbox", href: "/dev/mailbox", testId: "s60-mailbox" },
];

/** S-60 demo tools navigation. */
export function DevNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Demo tools" className="mb-4 flex gap-1 border-b border-slate-300">
      {LINKS.map((l) => {
        const active = l.href === "/dev" ? pathname === "/dev" : pathname === l.href || pathname.startsWith(`${l.href}/`);
        return (
          <Link
            key={l.href}
            href={l.href}
            aria-current={active ? "page" : undefined}
            data-testid={l.testId}
            className={clsx(
              "-mb-px border-b-2 px-3 py-2 font-medium hover:no-underline",
              active ? "border-sky-700 text-sky-800" : "border-transparent text-slate-600 hover:text-slate-900",
            )}
          >
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}
