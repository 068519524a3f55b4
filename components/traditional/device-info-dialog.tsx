"use client";

import { useQuery } from "@tanstack/react-query";
import type { DeviceInformationResponse } from "@/app/api/ui/traditional/devices/[id]/route";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { orDash } from "@/lib/format";
import { fetchJson } from "./fetch-json";

/** S-54 `Get device information...`: the device and every line it ever held. */
export function DeviceInfoDialog({ deviceId, onClose }: { deviceId: string; onClose: () => void }) {
  const query = useQuery({
    queryKey: ["trad-device", deviceId],
    queryFn: () => fetchJson<DeviceInformationResponse>(`/api/ui/traditional/devices/${deviceId}`, "The device could not be loaded."),
  });
  const d = query.data;
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Device Information"
      wide
      testId="s54-device-information-dialog"
      footer={
        <Button variant="primary" onClick={onClose} data-testid="s54-device-information-close">
          Close
        </Button>
      }
    >
      {query.isError && <p role="alert" className="text-red-700">{(query.error as Error).message}</p>}
      {d && (
        <>
          <dl className="mb-3 grid grid-cols-[12rem_1fr] gap-x-3 gap-y-1">
            {(
              [
                ["UDI Product ID:", d.pid],
                ["UDI Serial Number:", d.sn],
                ["Product Family:", orDash(d.productFamily)],
                ["Owner:", orDash(d.owner)],
                ["Smart Account:", d.smartAccountName ?? "Not Assigned"],
                ["Virtual Account:", orDash(d.virtualAccountName)],
                ["Added:", d.createdAt],
              ] as const
            ).map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-slate-600">{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          <table className="w-full text-left" aria-label="Device licenses">
            <thead className="bg-slate-100 text-slate-600">
              <tr>
                {["License", "Type", "Count", "Status", "Expires", "PAK", "Issued"].map((h) => (
                  <th key={h} scope="col" className="px-2 py-1.5">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.lines.map((l) => (
                <tr key={l.id} className="border-t border-slate-100">
                  <td className="px-2 py-1.5">{l.feature}</td>
                  <td className="px-2 py-1.5">{l.type}</td>
                  <td className="px-2 py-1.5">{l.count ?? "Uncounted"}</td>
                  <td className="px-2 py-1.5">{l.status}</td>
                  <td className="px-2 py-1.5">{l.expiresAt}</td>
                  <td className="px-2 py-1.5 font-mono">{orDash(l.pak)}</td>
                  <td className="px-2 py-1.5">{l.issuedAt}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Dialog>
  );
}
