"use client";

import type { DeviceInformationResponse } from "@/app/api/ui/traditional/devices/[id]/route";
import { orDash } from "@/lib/format";
import { InfoDialog } from "./info-dialog";

/** S-54 `Get device information...`: the device and every line it ever held. */
export function DeviceInfoDialog({ deviceId, onClose }: { deviceId: string; onClose: () => void }) {
  return (
    <InfoDialog<DeviceInformationResponse>
      title="Device Information"
      testId="s54-device-information"
      queryKey={["trad-device", deviceId]}
      url={`/api/ui/traditional/devices/${deviceId}`}
      failure="The device could not be loaded."
      onClose={onClose}
      facts={(d) => [
        ["UDI Product ID:", d.pid],
        ["UDI Serial Number:", d.sn],
        ["Product Family:", orDash(d.productFamily)],
        ["Owner:", orDash(d.owner)],
        ["Smart Account:", d.smartAccountName ?? "Not Assigned"],
        ["Virtual Account:", orDash(d.virtualAccountName)],
        ["Added:", d.createdAt],
      ]}
      table={{
        label: "Device licenses",
        headers: ["License", "Type", "Count", "Status", "Expires", "PAK", "Issued"],
        rows: (d) =>
          d.lines.map((l) => (
            <tr key={l.id} className="border-t border-slate-100">
              <td className="px-2 py-1.5">{l.feature}</td>
              <td className="px-2 py-1.5">{l.type}</td>
              <td className="px-2 py-1.5">{l.count ?? "Uncounted"}</td>
              <td className="px-2 py-1.5">{l.status}</td>
              <td className="px-2 py-1.5">{l.expiresAt}</td>
              <td className="px-2 py-1.5 font-mono">{orDash(l.pak)}</td>
              <td className="px-2 py-1.5">{l.issuedAt}</td>
            </tr>
          )),
      }}
    />
  );
}
