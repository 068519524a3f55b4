"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";

/** `disabled` items stay visible with `hint` as their tooltip (e.g. a workspace not built yet). */
export type MenuAction = { label: string; onSelect: () => void; danger?: boolean; disabled?: boolean; hint?: string; testId?: string };

/** S-0 per-row `Actions ▾`: only permitted items; with none, `Actions` shows disabled. */
export function ActionsMenu({ actions, label = "Actions" }: { actions: MenuAction[]; label?: string }) {
  if (actions.length === 0) {
    return (
      <span className="text-slate-400" aria-disabled="true">
        Actions
      </span>
    );
  }
  return (
    <Menu.Root>
      <Menu.Trigger className="rounded px-2 py-0.5 text-sky-700 hover:bg-sky-50" aria-label={label}>
        Actions ▾
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="end" className="z-50 min-w-40 rounded border border-slate-200 bg-white py-1 shadow-lg">
          {actions.map((a) => (
            <Menu.Item
              key={a.label}
              onSelect={a.onSelect}
              disabled={a.disabled}
              title={a.hint}
              data-testid={a.testId}
              className={`cursor-pointer px-3 py-1.5 outline-none data-[highlighted]:bg-slate-100 data-[disabled]:cursor-not-allowed data-[disabled]:text-slate-400 ${a.danger ? "text-red-700" : ""}`}
            >
              {a.label}
            </Menu.Item>
          ))}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
