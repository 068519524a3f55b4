"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/** W-49 `Migration...`: a stub; migration is done by converting to Smart Licensing (W-19, W-20). */
export function MigrationDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Migration"
      testId="s52-migration-dialog"
      footer={
        <Button variant="primary" onClick={onClose} data-testid="s52-migration-close">
          Close
        </Button>
      }
    >
      <p className="mb-3 text-slate-700">
        Licenses are migrated by converting them to Smart Licensing. Assign the PAK or the device to a Smart Account,
        then convert it there:
      </p>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          <Link href="/convert/paks">Convert PAKs</Link> for licenses that are still on a PAK;
        </li>
        <li>
          <Link href="/convert/licenses">Convert Licenses</Link> for licenses already installed on a device.
        </li>
      </ul>
    </Dialog>
  );
}
