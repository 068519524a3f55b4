"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

const TEXTS = {
  Feedback: "Tell your OpenSSM administrator what works and what could be better; every suggestion is read.",
  Support: "For help with licenses, contact the Licensing Operations team of your organisation.",
  Help: "Smart Software Licensing manages your Smart Account's virtual accounts, licenses, product instances and usage reports. Pick a tab to begin.",
} as const;

/** S-4 header links: each opens a dialog with static text. */
export function HeaderLinks() {
  const [open, setOpen] = useState<keyof typeof TEXTS | null>(null);
  return (
    <div className="flex gap-3">
      {(Object.keys(TEXTS) as (keyof typeof TEXTS)[]).map((name) => (
        <Button key={name} variant="link" onClick={() => setOpen(name)} data-testid={`s4-${name.toLowerCase()}`}>
          {name}
        </Button>
      ))}
      <Dialog
        open={open !== null}
        onOpenChange={(o) => !o && setOpen(null)}
        title={open ?? ""}
        footer={<Button onClick={() => setOpen(null)}>Close</Button>}
      >
        <p>{open ? TEXTS[open] : ""}</p>
      </Dialog>
    </div>
  );
}
