"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/mutation";
import { recipientsOf, SendToFields } from "./send-to";

/** Asks for recipients, then sends through `send` (outbox, D-28). */
export function EmailDialog({
  title,
  defaultTo,
  testId,
  send,
  onClose,
  onSent,
}: {
  title: string;
  defaultTo: string;
  testId: string;
  send: (to: string[]) => Promise<ActionResult<unknown>>;
  onClose: () => void;
  onSent?: () => void;
}) {
  const [to, setTo] = useState([defaultTo]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    setError(null);
    const recipients = recipientsOf(to);
    const result = await send(recipients);
    setBusy(false);
    if (result.ok) {
      toast.success(`The license file was e-mailed to ${recipients.join(", ")}.`);
      onSent?.();
      onClose();
    } else setError(result.error);
  }

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={title}
      testId={`${testId}-dialog`}
      footer={
        <>
          <Button onClick={onClose} data-testid={`${testId}-cancel`}>
            Cancel
          </Button>
          <Button variant="primary" disabled={busy} onClick={() => void submit()} data-testid={`${testId}-send`}>
            Send
          </Button>
        </>
      }
    >
      <FormError message={error} />
      <SendToFields value={to} onChange={setTo} testPrefix={testId} />
    </Dialog>
  );
}
