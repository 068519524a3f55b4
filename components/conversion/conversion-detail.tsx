import Link from "next/link";
import { formatTimestamp, orDash } from "@/lib/format";
import type { ConversionDetail } from "@/lib/conversion/history";

const HEADERS = ["SKU", "Product Family", "Quantity", "Type", "Conversion Status", "Smart License"];

/** S-23 device conversion detail (`/convert/history/{id}`). */
export function ConversionDetailView({ detail, tz }: { detail: ConversionDetail; tz: string }) {
  const licenseIds = [...new Set(detail.lines.map((l) => l.licenseDefinitionId).filter((id): id is string => Boolean(id)))];
  const viewLicenses = `/inventory/licenses?va=${detail.virtualAccount.id}&licenses=${licenseIds.join(",")}`;
  return (
    <div className="space-y-4">
      <div>
        <Link href="/convert/history" data-testid="s23-back-to-conversion-history">
          Back to Conversion History
        </Link>
        <h3 className="mt-1 break-all text-lg font-semibold" data-testid="s23-title">
          {detail.title}
        </h3>
      </div>
      <section aria-labelledby="s23-device-details" className="rounded border border-slate-200 bg-white p-4">
        <h4 id="s23-device-details" className="mb-2 font-semibold">
          {detail.source === "PAK" ? "PAK Details" : "Device Details"}
        </h4>
        {detail.source === "PAK" ? (
          <p>PAK: {detail.pak}</p>
        ) : (
          <p data-testid="s23-device-identifiers">
            Device Identifiers: {detail.udiPid} (UDI PID), {detail.udiSn} (UDI Serial Number)
          </p>
        )}
        <p data-testid="s23-virtual-account">Virtual Account: {detail.virtualAccount.name}</p>
      </section>
      <section aria-labelledby="s23-conversion-status" className="rounded border border-slate-200 bg-white p-4">
        <h4 id="s23-conversion-status" className="mb-2 font-semibold">
          Conversion Status
        </h4>
        <p data-testid="s23-initiated">
          Conversion initiated {formatTimestamp(detail.initiatedAt, tz)} by {detail.initiatedBy}
        </p>
        <p className="text-slate-600">{detail.status}</p>
      </section>
      <table className="w-full rounded border border-slate-200 bg-white text-left" aria-label="Converted Licenses">
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
          {detail.lines.map((l) => (
            <tr key={l.id} className="border-t border-slate-100">
              <td className="px-3 py-1.5">{l.sku}</td>
              <td className="px-3 py-1.5">{orDash(l.productFamily)}</td>
              <td className="px-3 py-1.5">{l.quantity}</td>
              <td className="px-3 py-1.5">{l.type}</td>
              <td className="px-3 py-1.5" title={l.message ?? undefined}>
                {l.status}
              </td>
              <td className="px-3 py-1.5">{orDash(l.smartLicense)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={HEADERS.length} className="px-3 py-2 text-slate-500">
              Showing all {detail.lines.length} Rows
            </td>
          </tr>
        </tfoot>
      </table>
      {licenseIds.length > 0 && (
        <Link href={viewLicenses} data-testid="s23-view-licenses">
          View Licenses
        </Link>
      )}
    </div>
  );
}
