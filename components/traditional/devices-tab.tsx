"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { resendLicensesAction } from "@/app/(portal)/traditional/actions";
import type { DeviceListResponse } from "@/app/api/ui/traditional/devices/route";
import { Button } from "@/components/ui/button";
import { type Column, PagedTable } from "@/components/ui/paged-table";
import { usePagedList } from "@/components/ui/use-paged-list";
import { orDash } from "@/lib/format";
import { AddDeviceDialog } from "./add-device-dialog";
import { AssignDialog } from "./assign-dialog";
import { ConvertToSmartEntitlementsDialog } from "@/components/conversion/convert-to-smart-entitlements-dialog";
import { DeviceInfoDialog } from "./device-info-dialog";
import { DropdownButton, type DropdownItem, RowMenu } from "./dropdown-button";
import { EmailDialog } from "./email-dialog";
import { downloadFile } from "./fetch-json";
import { GetLicensesMenu, useGetLicenses } from "./get-licenses-menu";
import { RehostWizard } from "./rehost-wizard";
import { RmaWizard } from "./rma-wizard";
import { SelectCell } from "./select-cell";
import type { TraditionalOptions } from "./types";

type Row = DeviceListResponse["rows"][number];
type Open =
  | { kind: "add" }
  | { kind: "email"; devices: Row[] }
  | { kind: "rehost"; device?: Row }
  | { kind: "rma"; device?: Row }
  | { kind: "assign"; devices: Row[] }
  | { kind: "convert"; device: Row }
  | { kind: "info"; deviceId: string }
  | null;

const COLUMNS: Column[] = [
  { key: "select", label: <span className="sr-only">Select</span>, className: "w-8" },
  ...["Device", "Virtual Account", "Family", "Licenses"],
  { key: "actions", label: <span className="sr-only">Actions</span>, className: "w-12" },
];
const udiOf = (d: Row) => `${d.pid}:${d.sn}`;

/** S-54 Devices: toolbar, the device table with ACTIVE line counts, and the row menu (W-45..W-48). */
export function DevicesTab({ options }: { options: TraditionalOptions }) {
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<Open>(null);
  const [getLicenses, setGetLicenses] = useGetLicenses();

  const list = usePagedList<DeviceListResponse>({ queryKey: "trad-devices", path: "/api/ui/traditional/devices", failure: "The devices could not be loaded." });
  const data = list.data;
  const selectedRows = (data?.rows ?? []).filter((r) => selected.has(r.id));
  const changed = () => {
    for (const key of ["trad-devices", "trad-licenses", "trad-paks", "trad-transactions"]) void queryClient.invalidateQueries({ queryKey: [key] });
  };

  async function download(devices: Row[]) {
    if (devices.length === 0) return void toast.error("Select at least one device first.");
    for (const d of devices) {
      const res = await resendLicensesAction({ deviceId: d.id, delivery: "download" });
      if (!res.ok) return void toast.error(`${udiOf(d)}: ${res.error}`);
      downloadFile(`/api/ui/traditional/files/${res.data.fileId}`, res.data.fileName);
    }
    changed();
  }

  async function email(devices: Row[], to: string[]) {
    for (const d of devices) {
      const res = await resendLicensesAction({ deviceId: d.id, delivery: "email", sendTo: to });
      if (!res.ok) return { ok: false as const, error: `${udiOf(d)}: ${res.error}` };
    }
    changed();
    return { ok: true as const, data: null };
  }

  const rowItems = (d: Row): DropdownItem[] => [
    { label: "Download license...", testId: "s54-row-download-license", onSelect: () => void download([d]) },
    { label: "Email license...", testId: "s54-row-email-license", onSelect: () => setOpen({ kind: "email", devices: [d] }) },
    ...(d.canWrite
      ? [
          { label: "Rehost license...", testId: "s54-row-rehost-license", onSelect: () => setOpen({ kind: "rehost", device: d }) },
          { label: "Rehost license from failed device (RMA)...", testId: "s54-row-rehost-license-from-failed-device-rma", onSelect: () => setOpen({ kind: "rma", device: d }) },
          { label: "Assign to Smart Account...", testId: "s54-row-assign-to-smart-account", onSelect: () => setOpen({ kind: "assign", devices: [d] }) },
          {
            label: "Convert licenses to Smart Licensing...",
            testId: "s54-row-convert-licenses-to-smart-licensing",
            onSelect: () => setOpen({ kind: "convert", device: d }),
          },
        ]
      : []),
    { label: "Get device information...", testId: "s54-row-get-device-information", onSelect: () => setOpen({ kind: "info", deviceId: d.id }) },
  ];

  return (
    <section aria-label="Devices" className="rounded border border-slate-200 bg-white">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2">
        <GetLicensesMenu
          testPrefix="s54"
          userEmail={options.userEmail}
          evaluationFeatures={options.evaluationFeatures}
          onDone={changed}
          open={getLicenses}
          setOpen={setGetLicenses}
        />
        <DropdownButton
          label="Move Licenses"
          testId="s54-move-licenses"
          items={[
            { label: "License Transfer (Rehost)...", testId: "s54-license-transfer-rehost", onSelect: () => setOpen({ kind: "rehost", device: selectedRows[0] }) },
            { label: "RMA Replacement...", testId: "s54-rma-replacement", onSelect: () => setOpen({ kind: "rma", device: selectedRows[0] }) },
          ]}
        />
        <Button onClick={() => setOpen({ kind: "add" })} data-testid="s54-add-devices">
          Add Devices
        </Button>
        <Button onClick={() => void download(selectedRows)} data-testid="s54-download-licenses">
          Download Licenses
        </Button>
        <Button
          onClick={() => (selectedRows.length ? setOpen({ kind: "email", devices: selectedRows }) : toast.error("Select at least one device first."))}
          data-testid="s54-email-selected"
        >
          Email Selected
        </Button>
      </div>
      <PagedTable
        list={list}
        columns={COLUMNS}
        testId="s54-table"
        paginationTestId="s54-pagination"
        rowKey={(d) => d.id}
        row={(d) => (
          <tr className="border-t border-slate-100 align-top" data-testid="s54-row">
            <SelectCell label={`Select ${udiOf(d)}`} id={d.id} selected={selected} onChange={setSelected} />
            <td className="px-3 py-1.5">
              <div>UDI Product ID:{d.pid}</div>
              <div>UDI Serial Number:{d.sn}</div>
            </td>
            <td className="px-3 py-1.5">{orDash(d.virtualAccountName)}</td>
            <td className="px-3 py-1.5">{orDash(d.productFamily)}</td>
            <td className="px-3 py-1.5">{d.licenses}</td>
            <td className="px-3 py-1.5">
              <RowMenu label={`Actions for ${udiOf(d)}`} testId="s54-row-menu" items={rowItems(d)} />
            </td>
          </tr>
        )}
      />
      {open?.kind === "add" && (
        <AddDeviceDialog
          targets={options.targets}
          productFamilies={options.productFamilies}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            changed();
          }}
        />
      )}
      {open?.kind === "email" && (
        <EmailDialog
          title="Email License"
          defaultTo={options.userEmail}
          testId="s54-email-license"
          send={(to) => email(open.devices, to)}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === "rehost" && (
        <RehostWizard
          initialSource={open.device && { pid: open.device.pid, sn: open.device.sn }}
          userEmail={options.userEmail}
          onClose={() => setOpen(null)}
          onDone={changed}
        />
      )}
      {open?.kind === "rma" && (
        <RmaWizard
          initialFailed={open.device && { pid: open.device.pid, sn: open.device.sn }}
          userEmail={options.userEmail}
          onClose={() => setOpen(null)}
          onDone={changed}
        />
      )}
      {open?.kind === "assign" && (
        <AssignDialog
          kind="DEVICE"
          ids={open.devices.map((d) => d.id)}
          label={open.devices.map((d) => `Device ${udiOf(d)}`).join(", ")}
          targets={options.targets}
          testPrefix="s54"
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            changed();
          }}
        />
      )}
      {open?.kind === "convert" && (
        <ConvertToSmartEntitlementsDialog
          deviceId={open.device.id}
          smartAccountId={options.smartAccountId}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            changed();
          }}
        />
      )}
      {open?.kind === "info" && <DeviceInfoDialog deviceId={open.deviceId} onClose={() => setOpen(null)} />}
    </section>
  );
}
