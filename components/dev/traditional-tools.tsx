"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";

type Device = { id: string; pid: string; sn: string };

function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

/** S-60 `Device Credential` and `Rehost Ticket`: enough of a device to finish a rehost (S-56) in the UI. */
export function TraditionalTools({ devices }: { devices: Device[] }) {
  const [deviceId, setDeviceId] = useState(devices[0]?.id ?? "");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);

  async function rehostTicket(permissionTicket: File) {
    setError(null);
    setDone(null);
    const res = await fetch("/api/dev/traditional/rehost-ticket", { method: "POST", body: await permissionTicket.text() });
    if (!res.ok) {
      setError(((await res.json().catch(() => ({}))) as { message?: string }).message ?? "The rehost ticket could not be made.");
      return;
    }
    save(await res.blob(), "rt.lic");
    setDone("The device revoked the licenses of the permission ticket and produced rt.lic.");
  }

  return (
    <div className="grid gap-6 md:grid-cols-2">
      <section aria-labelledby="s60-device-credential" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="s60-device-credential" className="mb-3 text-lg font-medium">
          Device Credential
        </h2>
        <Field label="Device">
          {(props) => (
            <select
              {...props}
              value={deviceId}
              onChange={(e) => setDeviceId(e.target.value)}
              className="w-full rounded border border-slate-300 bg-white px-2 py-1.5"
              data-testid="s60-device"
            >
              {devices.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.pid}:{d.sn}
                </option>
              ))}
            </select>
          )}
        </Field>
        <a
          href={deviceId ? `/api/dev/traditional/credential?deviceId=${deviceId}` : undefined}
          download="cred.lic"
          aria-disabled={!deviceId}
          className="inline-flex items-center rounded bg-sky-700 px-3 py-1.5 text-sm text-white! hover:bg-sky-800 hover:no-underline"
          data-testid="s60-download-device-credential"
        >
          Download cred.lic
        </a>
      </section>
      <section aria-labelledby="s60-rehost-ticket" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="s60-rehost-ticket" className="mb-3 text-lg font-medium">
          Rehost Ticket
        </h2>
        <p className="mb-3 text-slate-600">
          Upload the permission ticket (pt.lic). The tool checks its signature as the device would, then saves the rehost ticket
          (rt.lic) the device produces.
        </p>
        <FormError message={error} />
        {done && (
          <p role="status" className="mb-3 text-green-800">
            {done}
          </p>
        )}
        <input
          ref={file}
          type="file"
          accept=".lic,.txt"
          hidden
          data-testid="s60-permission-ticket-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void rehostTicket(f);
            e.target.value = "";
          }}
        />
        <Button variant="primary" onClick={() => file.current?.click()} data-testid="s60-upload-permission-ticket">
          Upload pt.lic
        </Button>
      </section>
    </div>
  );
}
