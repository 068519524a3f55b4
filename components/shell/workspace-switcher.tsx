"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import { usePathname } from "next/navigation";

export const WORKSPACES = [
  { label: "Smart Software Licensing", href: "/" },
  { label: "License Utility", href: "/cslu" },
  { label: "On-Prem", href: "/onprem" },
  { label: "Traditional Licensing", href: "/traditional" },
] as const;

function current(pathname: string) {
  return WORKSPACES.find((w) => w.href !== "/" && pathname.startsWith(w.href)) ?? WORKSPACES[0];
}

export function WorkspaceSwitcher() {
  const pathname = usePathname();
  return (
    <Menu.Root>
      <Menu.Trigger
        className="rounded border border-slate-600 px-2 py-1 text-slate-100 hover:bg-slate-800"
        data-testid="s2-workspace-switcher"
        aria-label="Workspace"
      >
        {current(pathname).label} ▾
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className="z-50 min-w-56 rounded border border-slate-200 bg-white py-1 text-slate-800 shadow-lg" align="start">
          {WORKSPACES.map((w) => (
            <Menu.Item key={w.href} asChild>
              <Link href={w.href} className="block px-3 py-1.5 text-slate-800 outline-none hover:bg-slate-100 hover:no-underline data-[highlighted]:bg-slate-100">
                {w.label}
              </Link>
            </Menu.Item>
          ))}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
