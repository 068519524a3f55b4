"use client";

import * as Popover from "@radix-ui/react-popover";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";

export type VaOption = { id: string; name: string; isDefault: boolean; major: number; minor: number; tags: string[] };

/** S-6 `Virtual Account: {name} ▾` with ★ on the default VA and per-VA counters. */
export function VirtualAccountSelector({ current, options }: { current: VaOption; options: VaOption[] }) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [mode, setMode] = useState<"name" | "tag">("name");
  const router = useRouter();
  const pathname = usePathname();
  const q = query.trim().toLowerCase();
  const shown = options.filter((o) =>
    mode === "name" ? o.name.toLowerCase().includes(q) : q === "" || o.tags.some((t) => t.toLowerCase().includes(q)),
  );
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger className="rounded px-1 text-base font-semibold hover:bg-slate-100" data-testid="s6-va-selector">
        Virtual Account: {current.name} ▾
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content align="start" className="z-50 w-96 rounded border border-slate-200 bg-white p-2 shadow-lg">
          <div className="mb-2 flex gap-2">
            <input
              aria-label="Search Virtual Accounts"
              placeholder={mode === "name" ? "Search by Name" : "Search by Tag"}
              className="flex-1 rounded border border-slate-300 px-2 py-1"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              autoFocus
            />
            <div role="group" aria-label="Search mode" className="flex overflow-hidden rounded border border-slate-300">
              {(["name", "tag"] as const).map((m) => (
                <button
                  key={m}
                  type="button"
                  aria-pressed={mode === m}
                  onClick={() => setMode(m)}
                  className={mode === m ? "bg-sky-700 px-2 text-white" : "px-2"}
                >
                  {m === "name" ? "By Name" : "By Tag"}
                </button>
              ))}
            </div>
          </div>
          <ul role="listbox" aria-label="Virtual Accounts" className="max-h-72 overflow-y-auto">
            {shown.map((o) => (
              <li key={o.id} role="option" aria-selected={o.id === current.id}>
                <button
                  type="button"
                  className="flex w-full items-center justify-between rounded px-2 py-1 text-left hover:bg-slate-100"
                  onClick={() => {
                    setOpen(false);
                    router.push(`${pathname}?va=${o.id}`);
                  }}
                >
                  <span>
                    {o.isDefault && <span aria-label="default">★ </span>}
                    {o.name}
                  </span>
                  <span className="text-xs">
                    <span className="text-major">{o.major} Major</span> <span className="text-amber-700">{o.minor} Minor</span>
                  </span>
                </button>
              </li>
            ))}
            {shown.length === 0 && <li className="px-2 py-1 text-slate-500">No Records Found</li>}
          </ul>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
