"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

export type ConvertDevice = { id: string; pid: string; sn: string; productFamily: string; smartAccountName: string | null };

/**
 * S-54 `Convert to Smart Entitlements`: a placeholder until the integrator swaps in
 * components/conversion/convert-to-smart-entitlements-dialog.tsx (W-20, method LRP).
 */
export function ConvertPlaceholderDialog({ device, onClose }: { device: ConvertDevice; onClose: () => void }) {
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Convert to Smart Entitlements"
      testId="s54-convert-to-smart-entitlements-dialog"
      footer={
        <Button variant="primary" onClick={onClose} data-testid="s54-convert-close">
          Close
        </Button>
      }
    >
      <dl className="mb-3 grid grid-cols-[9rem_1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-600">Device ID:</dt>
        <dd>{`UDI Product ID:${device.pid},UDI Serial Number:${device.sn}`}</dd>
        <dt className="text-slate-600">Product Family:</dt>
        <dd>{device.productFamily || "-"}</dd>
        <dt className="text-slate-600">Smart Account:</dt>
        <dd>{device.smartAccountName ?? "Not Assigned"}</dd>
      </dl>
      <p className="text-slate-700">
        The conversion of this device&apos;s licenses opens here. Until then, convert them in Smart Software Licensing under{" "}
        <Link href="/convert/licenses">Convert to Smart Licensing › Convert Licenses</Link>.
      </p>
    </Dialog>
  );
}
