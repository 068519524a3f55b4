"use client";

import * as Popover from "@radix-ui/react-popover";
import { usePathname, useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { toast } from "sonner";
import { selectSmartAccount } from "@/app/(portal)/actions";

type Sa = { id: string; name: string; domain: string };

/** S-2 Smart Account selector: `{name} ▾` with `Search Smart Accounts`. */
export function SmartAccountSelector({ current, accounts }: { current: Sa; accounts: Sa[] }) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [pending, start] = useTransition();
  const router = useRouter();
  const pathname = usePathname();
  const shown = useMemo(
    () => accounts.filter((a) => `${a.name} ${a.domain}`.toLowerCase().includes(query.trim().toLowerCase())),
    [accounts, query],
  );

  function choose(sa: Sa) {
    setOpen(false);
    if (sa.id === current.id) return;
    start(async () => {
      const result = await selectSmartAccount({ smartAccountId: sa.id });
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      // Reload the current CSSM route for the new account's default VA (S-2).
      router.push(pathname);
      router.refresh();
    });
  }

  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger
        className="rounded px-2 py-0.5 font-semibold text-sky-800 hover:bg-sky-50"
        data-testid="s2-smart-account-selector"
        aria-label={`Smart Account: ${current.name}`}
        disabled={pending}
      >
        {current.name} ▾
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content align="start" className="z-50 w-72 rounded border border-slate-200 bg-white p-2 shadow-lg">
          <input
            aria-label="Search Smart Accounts"
            placeholder="Search Smart Accounts"
            className="mb-2 w-full rounded border border-slate-300 px-2 py-1"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="s2-search-smart-accounts"
            autoFocus
          />
          <ul role="listbox" aria-label="Smart Accounts" className="max-h-64 overflow-y-auto">
            {shown.map((sa) => (
              <li key={sa.id} role="option" aria-selected={sa.id === current.id}>
                <button
                  type="button"
                  onClick={() => choose(sa)}
                  className="w-full rounded px-2 py-1 text-left hover:bg-slate-100"
                >
                  <span className="font-medium">{sa.name}</span>
                  <span className="block text-xs text-slate-500">{sa.domain}</span>
                </button>
              </li>
            ))}
            {shown.length === 0 && <li className="px-2 py-1 text-slate-500">No Records Found</li>}
          </ul>
          <a href="/select-account" className="mt-2 block border-t border-slate-100 px-2 pt-2 text-xs">
            View all Smart Accounts
          </a>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
