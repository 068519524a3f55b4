"use client";

import { Button } from "./button";
import { Dialog } from "./dialog";

/** An honest dialog for an action a later release builds (e.g. S-18, S-19): says so, changes nothing. */
export function NotAvailableDialog({ title, open, onClose }: { title: string; open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => !o && onClose()}
      title={title}
      testId="not-available-dialog"
      footer={
        <Button variant="primary" onClick={onClose}>
          Close
        </Button>
      }
    >
      <p className="text-slate-700">
        {title} is not available yet. This part of OpenSSM is still being built; nothing was changed.
      </p>
    </Dialog>
  );
}
