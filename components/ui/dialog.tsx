"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { clsx } from "clsx";
import type { ReactNode } from "react";

/** S-0 dialog: modal, title in the header, `×` close, buttons bottom-right. */
export function Dialog({
  open,
  onOpenChange,
  title,
  children,
  footer,
  wide,
  testId,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
  testId?: string;
}) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <RadixDialog.Content
          data-testid={testId}
          aria-describedby={undefined}
          className={clsx(
            "fixed left-1/2 top-16 z-50 max-h-[85vh] w-[calc(100%-2rem)] -translate-x-1/2 overflow-y-auto rounded bg-white shadow-xl",
            wide ? "max-w-3xl" : "max-w-lg",
          )}
        >
          <div className="flex items-center justify-between border-b border-slate-200 px-5 py-3">
            <RadixDialog.Title className="text-base font-semibold">{title}</RadixDialog.Title>
            <RadixDialog.Close aria-label="Close" className="text-xl leading-none text-slate-500 hover:text-slate-800">
              ×
            </RadixDialog.Close>
          </div>
          <div className="px-5 py-4">{children}</div>
          {footer && <div className="flex justify-end gap-2 border-t border-slate-200 px-5 py-3">{footer}</div>}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
