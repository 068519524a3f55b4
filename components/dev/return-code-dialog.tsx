"use client";

import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { saveBlob } from "./download";
import type { SimDeviceRow } from "./simulator-table";

export type ReturnCodes = { fileName: string; body: string; codes: { kind: "SLAC" | "SLR" | "PLR"; code: string }[] };

/** S-60 `Save Return Code`: the F-10 return code of each authorization the device holds. */
export function ReturnCodeDialog({ device, codes, onClose }: { device: SimDeviceRow; codes: ReturnCodes; onClose: () => void }) {
  const download = () => saveBlob(new Blob([codes.body], { type: "text/plain" }), codes.fileName);
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Save Return Code"
      testId="s60-save-return-code-dialog"
      footer={
        <>
          <Button onClick={download} data-testid="s60-download-as-file">
            Download as File
          </Button>
          <Button variant="primary" onClick={onClose} data-testid="s60-close">
            Close
          </Button>
        </>
      }
    >
      <p className="mb-1 font-mono text-xs">{device.udi}</p>
      <p className="mb-3 text-slate-600">
        This is the return code the device prints when it gives its authorization back. Enter it in the portal to return the licenses.
      </p>
      <dl>
        {codes.codes.map((c) => (
          <div key={c.kind} className="mb-2">
            <dt className="font-medium">{c.kind} return code:</dt>
            <dd className="flex items-center gap-2">
              <code className="break-all rounded bg-slate-100 px-2 py-1 font-mono" data-testid="s60-return-code">
                {c.code}
              </code>
              <Button
                variant="link"
                onClick={() => void navigator.clipboard?.writeText(c.code).then(() => toast.success("Copied to the clipboard."))}
                data-testid="s60-copy-to-clipboard"
              >
                Copy to Clipboard
              </Button>
            </dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
