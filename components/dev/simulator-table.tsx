"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import type { SimDevicesResponse } from "@/app/api/ui/dev/sim-devices/route";
import { ActionsMenu, type MenuAction } from "@/components/ui/actions-menu";
import { Button } from "@/components/ui/button";
import { allRecordsSummary } from "@/lib/format";
import { errorMessage, saveResponse } from "./download";
import { EditUsageDialog } from "./edit-usage-dialog";
import { ImportFileDialog } from "./import-file-dialog";
import { type ReturnCodes, ReturnCodeDialog } from "./return-code-dialog";
import { SaveUsageFileDialog } from "./save-usage-file-dialog";

export type SimDeviceRow = SimDevicesResponse["rows"][number];
type Open =
  | { kind: "usage"; device: SimDeviceRow }
  | { kind: "edit"; device: SimDeviceRow }
  | { kind: "import"; device: SimDeviceRow }
  | { kind: "return"; device: SimDeviceRow; codes: ReturnCodes }
  | null;

const HEADERS = ["UDI", "Hostname", "Licenses", "Utility", "Trust", "Next Report Id", "Actions"];
export const SIM_DEVICES_KEY = ["sim-devices"];

/** S-60 `Device Simulator`: the D-30 devices and what each can do. */
export function SimulatorTable() {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Open>(null);
  const query = useQuery<SimDevicesResponse>({
    queryKey: SIM_DEVICES_KEY,
    queryFn: async () => {
      const res = await fetch("/api/ui/dev/sim-devices");
      if (!res.ok) throw new Error(await errorMessage(res, "The simulated devices could not be loaded."));
      return res.json();
    },
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: SIM_DEVICES_KEY });

  async function saveSlacRequest(device: SimDeviceRow) {
    const res = await fetch(`/api/ui/dev/sim-devices/${device.id}/slac-request`, { method: "POST" });
    if (!res.ok) return void toast.error(await errorMessage(res, "The SLAC request could not be written."));
    const name = await saveResponse(res, "SLACRequest.xml");
    toast.success(`Saved ${name}.`);
  }

  async function saveReturnCode(device: SimDeviceRow) {
    const res = await fetch(`/api/ui/dev/sim-devices/${device.id}/return-code`);
    if (!res.ok) return void toast.error(await errorMessage(res, "The return code could not be computed."));
    const codes = (await res.json()) as ReturnCodes;
    setOpen({ kind: "return", device, codes });
  }

  const actionsFor = (d: SimDeviceRow): MenuAction[] => [
    {
      label: "Push to CSLU",
      onSelect: () => {},
      disabled: true,
      hint: "The License Utility workspace is not built yet, so a device cannot push to it.",
      testId: "s60-push-to-cslu",
    },
    {
      label: "Push to On-Prem",
      onSelect: () => {},
      disabled: true,
      hint: "The On-Prem workspace is not built yet, so a device cannot push to it.",
      testId: "s60-push-to-on-prem",
    },
    { label: "Save Usage File", onSelect: () => setOpen({ kind: "usage", device: d }), testId: "s60-save-usage-file" },
    { label: "Save SLAC Request", onSelect: () => void saveSlacRequest(d), testId: "s60-save-slac-request" },
    { label: "Save Return Code", onSelect: () => void saveReturnCode(d), testId: "s60-save-return-code" },
    { label: "Import File", onSelect: () => setOpen({ kind: "import", device: d }), testId: "s60-import-file" },
    { label: "Edit Usage", onSelect: () => setOpen({ kind: "edit", device: d }), testId: "s60-edit-usage" },
  ];

  if (query.isError) {
    return (
      <p role="alert" className="text-red-700">
        {(query.error as Error).message}{" "}
        <Button variant="link" onClick={() => query.refetch()}>
          Try again
        </Button>
      </p>
    );
  }
  const rows = query.data?.rows;
  return (
    <>
      <table className="w-full rounded border border-slate-200 bg-white text-left" aria-label="Device Simulator" data-testid="s60-device-simulator">
        <thead className="bg-slate-100 text-slate-600">
          <tr>
            {HEADERS.map((h) => (
              <th key={h} scope="col" className="px-3 py-2">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows?.map((d) => (
            <tr key={d.id} className="border-t border-slate-100 align-top">
              <td className="whitespace-nowrap px-3 py-1.5 font-mono text-xs">{d.udi}</td>
              <td className="px-3 py-1.5">{d.hostname ?? "-"}</td>
              <td className="px-3 py-1.5">
                {d.licenses.length === 0 ? (
                  "-"
                ) : (
                  <ul>
                    {d.licenses.map((l) => (
                      <li key={l.entitlementTag} title={l.entitlementTag}>
                        {l.count} × {l.name}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="px-3 py-1.5">{d.utilityMode ? "Enabled" : "Disabled"}</td>
              <td className="whitespace-nowrap px-3 py-1.5">{d.trust}</td>
              <td className="px-3 py-1.5 font-mono">{d.nextReportId}</td>
              <td className="whitespace-nowrap px-3 py-1.5">
                <ActionsMenu actions={actionsFor(d)} />
              </td>
            </tr>
          ))}
          {!rows && (
            <tr>
              <td colSpan={HEADERS.length} className="px-3 py-4 text-center text-slate-500">
                Loading…
              </td>
            </tr>
          )}
          {rows?.length === 0 && (
            <tr>
              <td colSpan={HEADERS.length} className="px-3 py-4 text-center text-slate-500">
                No Records to Display
              </td>
            </tr>
          )}
        </tbody>
        {rows && (
          <tfoot>
            <tr>
              <td colSpan={HEADERS.length} className="px-3 py-2 text-slate-500">
                {allRecordsSummary(rows.length)}
              </td>
            </tr>
          </tfoot>
        )}
      </table>
      {open?.kind === "usage" && <SaveUsageFileDialog device={open.device} onClose={() => setOpen(null)} onSaved={refresh} />}
      {open?.kind === "edit" && (
        <EditUsageDialog
          device={open.device}
          catalogue={query.data?.catalogue ?? []}
          onClose={() => setOpen(null)}
          onSaved={() => {
            setOpen(null);
            refresh();
          }}
        />
      )}
      {open?.kind === "import" && <ImportFileDialog device={open.device} onClose={() => setOpen(null)} onImported={refresh} />}
      {open?.kind === "return" && <ReturnCodeDialog device={open.device} codes={open.codes} onClose={() => setOpen(null)} />}
    </>
  );
}
