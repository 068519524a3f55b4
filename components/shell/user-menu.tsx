"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import { logOut } from "@/app/(portal)/actions";

const itemClass =
  "block w-full px-3 py-1.5 text-left text-slate-800 outline-none hover:bg-slate-100 hover:no-underline data-[highlighted]:bg-slate-100";

export function UserMenu({ displayName }: { displayName: string }) {
  return (
    <Menu.Root>
      <Menu.Trigger className="rounded px-2 py-1 hover:bg-slate-800" data-testid="s2-user-menu">
        {displayName} ▾
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className="z-50 min-w-48 rounded border border-slate-200 bg-white py-1 shadow-lg" align="end">
          <Menu.Item asChild>
            <Link href="/preferences" className={itemClass}>
              Preferences
            </Link>
          </Menu.Item>
          <Menu.Item asChild>
            <Link href="/manage-account/account-properties" className={itemClass}>
              Manage Smart Account
            </Link>
          </Menu.Item>
          <Menu.Item asChild>
            <Link href="/manage-account/api-clients" className={itemClass}>
              API Clients
            </Link>
          </Menu.Item>
          <Menu.Separator className="my-1 h-px bg-slate-200" />
          <Menu.Item className={itemClass} onSelect={() => void logOut()}>
            Log Out
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
