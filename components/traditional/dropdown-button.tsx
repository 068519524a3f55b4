"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { clsx } from "clsx";

export type DropdownItem = { label: string; testId: string; onSelect: () => void; checked?: boolean; disabled?: boolean };

/** A toolbar button with a `▾` menu (S-52, S-54); `checked` items are toggles (`Show Hidden`). */
export function DropdownButton({ label, testId, items, primary }: { label: string; testId: string; items: DropdownItem[]; primary?: boolean }) {
  return (
    <Menu.Root>
      <Menu.Trigger
        data-testid={testId}
        className={clsx(
          "inline-flex items-center gap-1 rounded px-3 py-1.5 text-sm",
          primary ? "bg-sky-700 text-white hover:bg-sky-800" : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-100",
        )}
      >
        {label} ▾
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="start" className="z-50 min-w-48 rounded border border-slate-200 bg-white py-1 shadow-lg">
          {items.map((item) =>
            item.checked === undefined ? (
              <Menu.Item
                key={item.label}
                data-testid={item.testId}
                disabled={item.disabled}
                onSelect={item.onSelect}
                className="cursor-pointer px-3 py-1.5 outline-none data-[disabled]:cursor-default data-[disabled]:text-slate-400 data-[highlighted]:bg-slate-100"
              >
                {item.label}
              </Menu.Item>
            ) : (
              <Menu.CheckboxItem
                key={item.label}
                data-testid={item.testId}
                checked={item.checked}
                onCheckedChange={item.onSelect}
                className="flex cursor-pointer items-center gap-2 px-3 py-1.5 outline-none data-[highlighted]:bg-slate-100"
              >
                <span aria-hidden="true" className="w-3">
                  {item.checked ? "✓" : ""}
                </span>
                {item.label}
              </Menu.CheckboxItem>
            ),
          )}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}

/** The circular per-row menu button of S-52 and S-54. */
export function RowMenu({ label, testId, items }: { label: string; testId: string; items: DropdownItem[] }) {
  return (
    <Menu.Root>
      <Menu.Trigger
        aria-label={label}
        data-testid={testId}
        className="inline-flex h-7 w-7 items-center justify-center rounded-full border border-slate-300 text-slate-600 hover:bg-slate-100"
      >
        <span aria-hidden="true">⋯</span>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="end" className="z-50 min-w-56 rounded border border-slate-200 bg-white py-1 shadow-lg">
          {items.map((item) => (
            <Menu.Item
              key={item.label}
              data-testid={item.testId}
              onSelect={item.onSelect}
              className="cursor-pointer px-3 py-1.5 outline-none data-[highlighted]:bg-slate-100"
            >
              {item.label}
            </Menu.Item>
          ))}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
