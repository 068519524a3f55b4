"use client";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/** An honest stand-in for a wizard a later release builds (S-13 reservation, S-14 upgrade). */
export function NotAvailableDialog({ title, onClose }: { title: string; onClose: () => void }) {
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={title} testId="s9-not-available-dialog" footer={<Button onClick={onClose}>Close</Button>}>
      <p className="text-slate-700">{title} is not available yet. This part of OpenSSM is still being built; nothing was changed.</p>
    </Dialog>
  );
}
