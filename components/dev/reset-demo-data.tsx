"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { resetDemoDataAction } from "@/app/dev/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";

/** S-60 `Reset Demo Data` (W-59): a confirm dialog, then the A-25 reset. */
export function ResetDemoData() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function reset() {
    setBusy(true);
    setError(null);
    const result = await resetDemoDataAction();
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setOpen(false);
    toast.success("The demo data was reset.");
    await queryClient.invalidateQueries();
    router.refresh();
  }

  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)} data-testid="s60-reset-demo-data">
        Reset Demo Data
      </Button>
      <Dialog
        open={open}
        onOpenChange={(o) => !busy && setOpen(o)}
        title="Reset Demo Data"
        testId="s60-reset-demo-data-dialog"
        footer={
          <>
            <Button onClick={() => setOpen(false)} disabled={busy} data-testid="s60-cancel">
              Cancel
            </Button>
            <Button variant="danger" onClick={() => void reset()} disabled={busy} data-testid="s60-confirm-reset-demo-data">
              Reset Demo Data
            </Button>
          </>
        }
      >
        <FormError message={error} />
        <p className="mb-2">
          Every change made since the last reset is deleted: accounts, licenses, product instances, usage files, simulated
          devices and the mailbox go back to the demo data set.
        </p>
        <p className="text-slate-600">The signing keys and the reference data stay, so ACKs issued before the reset still verify.</p>
      </Dialog>
    </>
  );
}
