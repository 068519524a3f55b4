"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { NotAvailableDialog } from "@/components/ui/not-available-dialog";

/** A link-styled button for a reservation action a later release builds (S-16 links to S-19). */
export function NotAvailableLink({ label, title, testId }: { label: string; title?: string; testId?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="link" className="py-0" onClick={() => setOpen(true)} data-testid={testId}>
        {label}
      </Button>
      <NotAvailableDialog title={title ?? label} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
