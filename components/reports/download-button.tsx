"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { downloadFile } from "@/components/ui/download";

/** A button that saves a route's file; a refusal shows as an error toast (S-0). */
export function DownloadButton({ href, label, testId, variant = "primary" }: { href: string; label: string; testId: string; variant?: "primary" | "secondary" | "link" }) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant={variant}
      data-testid={testId}
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        const r = await downloadFile(href);
        setBusy(false);
        if (!r.ok) toast.error(r.error);
      }}
    >
      {label}
    </Button>
  );
}
