"use client";

import { useState } from "react";
import { toast } from "sonner";
import { resendLicensesAction } from "@/app/(portal)/traditional/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { downloadFile } from "./fetch-json";
import { recipientsOf, SendToFields } from "./send-to";

/** S-55 `Resend All for Device` (W-47): every ACTIVE line, as first issued, to download or e-mail. */
export function ResendDialog({
  device,
  userEmail,
  onClose,
  onDone,
}: {
  device: { id: string; udi: string };
  userEmail: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const [to, setTo] = useState([userEmail]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function resend(delivery: "download" | "email") {
    setBusy(true);
    setError(null);
    const res =
      delivery === "download"
        ? await resendLicensesAction({ deviceId: device.id, delivery })
        : await resendLicensesAction({ deviceId: device.id, delivery, sendTo: recipientsOf(to) });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    if (delivery === "download") downloadFile(`/api/ui/traditional/files/${res.data.fileId}`, res.data.fileName);
    else toast.success(`All licenses of ${device.udi} were e-mailed to ${recipientsOf(to).join(", ")}.`);
    onDone();
  }

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Resend All for Device"
      testId="s55-resend-all-for-device-dialog"
      footer={
        <>
          <Button onClick={onClose} data-testid="s55-resend-cancel">
            Cancel
          </Button>
          <Button disabled={busy} onClick={() => void resend("download")} data-testid="s55-resend-download">
            Download
          </Button>
          <Button variant="primary" disabled={busy} onClick={() => void resend("email")} data-testid="s55-resend-send">
            Send
          </Button>
        </>
      }
    >
      <FormError message={error} />
      <p className="mb-3">
        Every active license of <span className="font-mono">{device.udi}</span>, exactly as it was first issued.
      </p>
      <SendToFields value={to} onChange={setTo} testPrefix="s55-resend" />
    </Dialog>
  );
}
