import { clsx } from "clsx";
import Link from "next/link";
import type { ReactNode } from "react";
import { EventLog } from "@/components/event-log/event-log";
import { formatDate, formatTimestamp, orDash } from "@/lib/format";
import type { ProductInstanceDetail } from "@/lib/inventory/detail";
import { NotAvailableLink } from "./not-available-link";

const BILLING = { PREPAID: "Prepaid", USAGE: "Usage" } as const;
const AUTH_STATUS = {
  PENDING_CONFIRMATION: "Pending Confirmation",
  INSTALLED: "Installed",
  RETURNED: "Returned",
  SUPERSEDED: "Superseded",
} as const;

function Item({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className="break-all" data-testid={testId}>
        {children}
      </dd>
    </>
  );
}

/** P-7 as S-16 shows it: exempt when the PI never consumed a license (P-6). */
function nextReportDue(pi: ProductInstanceDetail["pi"], tz: string): string {
  if (!pi.firstConsumedAt) return "Not required (no license consumed)";
  return pi.nextReportDueAt ? formatDate(pi.nextReportDueAt, tz) : "<none>";
}

/** S-16 Product instance detail: header, `Overview | Event Log` tabs (URL-addressable). */
export function ProductInstanceDetailView({ detail, tab, tz }: { detail: ProductInstanceDetail; tab: "overview" | "event-log"; tz: string }) {
  const { pi } = detail;
  const reserved = pi.reservation !== "NONE";
  // `va` keeps the S-6 shell (VA selector, sub-tabs) on the instance's own VA.
  const base = `/inventory/product-instances/${pi.id}?va=${detail.virtualAccount.id}`;
  const tabs = [
    { key: "overview", label: "Overview", href: base },
    { key: "event-log", label: "Event Log", href: `${base}&tab=event-log` },
  ] as const;
  return (
    <div className="space-y-4">
      <div>
        <Link href={`/inventory/product-instances?va=${detail.virtualAccount.id}`} data-testid="s16-back-to-product-instances">
          Back to Product Instances
        </Link>
        <h2 className="mt-1 break-all text-lg font-semibold" data-testid="s16-name">
          {detail.name}
        </h2>
      </div>
      <nav aria-label="Product instance" className="flex gap-4 border-b border-slate-300">
        {tabs.map((t) => (
          <Link
            key={t.key}
            href={t.href}
            aria-current={tab === t.key ? "page" : undefined}
            data-testid={`s16-tab-${t.key}`}
            className={clsx(
              "-mb-px border-b-2 px-1 py-2 hover:no-underline",
              tab === t.key ? "border-sky-700 text-sky-800" : "border-transparent text-slate-600 hover:text-slate-900",
            )}
          >
            {t.label}
          </Link>
        ))}
      </nav>
      {tab === "event-log" ? (
        <EventLog scope="pi" id={pi.id} testIdPrefix="s16" />
      ) : (
        <div className="space-y-4">
          <section aria-labelledby="s16-description" className="rounded border border-slate-200 bg-white p-4">
            <h3 id="s16-description" className="mb-2 font-semibold">
              Description
            </h3>
            <p>{orDash(pi.productDescription)}</p>
          </section>
          <section aria-labelledby="s16-general" className="rounded border border-slate-200 bg-white p-4">
            <h3 id="s16-general" className="mb-2 font-semibold">
              General
            </h3>
            <dl className="grid grid-cols-[12rem_1fr] gap-y-1.5" data-testid="s16-general">
              <Item label="Name">{detail.name}</Item>
              <Item label="Product">{orDash(pi.productType)}</Item>
              <Item label="Host Identifier">{orDash(pi.hostIdentifier)}</Item>
              <Item label="MAC Address">{orDash(pi.macAddress)}</Item>
              <Item label="PID">{pi.udiPid}</Item>
              <Item label="Serial Number">{pi.udiSn}</Item>
              <Item label="UUID">{orDash(pi.uuid)}</Item>
              <Item label="Virtual Account">{detail.virtualAccount.name}</Item>
              <Item label="Registration Date">{formatTimestamp(pi.registrationDate, tz)}</Item>
              <Item label="Last Contact" testId="s16-last-contact">
                {formatTimestamp(pi.lastContactAt, tz)}
                {reserved && (
                  <>
                    {" (Reserved Licenses) - "}
                    <NotAvailableLink label="Download Reservation Authorization Code" testId="s16-download-reservation-authorization-code" />
                  </>
                )}
              </Item>
              <Item label="Software Version">{orDash(pi.softwareVersion)}</Item>
              <Item label="Policy" testId="s16-policy">
                {detail.policy}
              </Item>
              <Item label="Trust Code Installed">{pi.trustInstalledAt ? formatTimestamp(pi.trustInstalledAt, tz) : "<none>"}</Item>
              <Item label="Next Report Due" testId="s16-next-report-due">
                {nextReportDue(pi, tz)}
              </Item>
              <Item label="Utility Mode">{pi.utilityMode ? "Enabled" : "Disabled"}</Item>
              {pi.haMembers.length > 0 && (
                <Item label="HA Members">
                  <ul>
                    {pi.haMembers.map((m) => (
                      <li key={`${m.pid}:${m.sn}`}>
                        {m.role}: {m.pid} {m.sn}
                      </li>
                    ))}
                  </ul>
                </Item>
              )}
            </dl>
          </section>
          <section aria-labelledby="s16-license-usage" className="rounded border border-slate-200 bg-white">
            <h3 id="s16-license-usage" className="px-4 pt-3 font-semibold">
              License Usage
            </h3>
            {reserved && (
              <p className="px-4 pt-2 text-slate-600">
                These licenses are reserved on this instance and stay in use until the reservation is returned.{" "}
                <NotAvailableLink label="Update reservation" testId="s16-update-reservation" />
              </p>
            )}
            <table className="mt-2 w-full text-left" data-testid="s16-license-usage-table">
              <thead className="bg-slate-100 text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-2">License</th>
                  <th scope="col" className="w-32 px-4 py-2">Billing</th>
                  <th scope="col" className="w-40 px-4 py-2">Expires</th>
                  <th scope="col" className="w-28 px-4 py-2">Required</th>
                </tr>
              </thead>
              <tbody>
                {detail.licenseUsage.map((u) => (
                  <tr key={u.licenseDefinitionId} className="border-t border-slate-100">
                    <td className="px-4 py-1.5">{u.license}</td>
                    <td className="px-4 py-1.5">{BILLING[u.billing]}</td>
                    <td className="px-4 py-1.5">{u.expires ? formatDate(u.expires, tz) : "-"}</td>
                    <td className="px-4 py-1.5">{u.required}</td>
                  </tr>
                ))}
                {detail.licenseUsage.length === 0 && (
                  <tr>
                    <td colSpan={4} className="px-4 py-3 text-center text-slate-500">
                      No Records to Display
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
            <p className="px-4 py-2 text-slate-600">Showing all {detail.licenseUsage.length} Rows</p>
          </section>
          <section aria-labelledby="s16-authorizations" className="rounded border border-slate-200 bg-white">
            <h3 id="s16-authorizations" className="px-4 pt-3 font-semibold">
              Authorizations
            </h3>
            <table className="mt-2 w-full text-left" data-testid="s16-authorizations-table">
              <thead className="bg-slate-100 text-slate-600">
                <tr>
                  <th scope="col" className="w-24 px-4 py-2">Type</th>
                  <th scope="col" className="w-48 px-4 py-2">Status</th>
                  <th scope="col" className="w-52 px-4 py-2">Issued</th>
                  <th scope="col" className="w-44 px-4 py-2">Confirmation Code</th>
                  <th scope="col" className="px-4 py-2">Return Code</th>
                </tr>
              </thead>
              <tbody>
                {detail.authorizations.map((a) => (
                  <tr key={a.id} className="border-t border-slate-100">
                    <td className="px-4 py-1.5">{a.kind}</td>
                    <td className="px-4 py-1.5">{AUTH_STATUS[a.status]}</td>
                    <td className="whitespace-nowrap px-4 py-1.5">{formatTimestamp(a.issuedAt, tz)}</td>
                    <td className="px-4 py-1.5">{orDash(a.confirmationCode)}</td>
                    <td className="max-w-0 truncate px-4 py-1.5" title={a.returnCode ?? undefined}>
                      {orDash(a.returnCode)}
                    </td>
                  </tr>
                ))}
                {detail.authorizations.length === 0 && (
                  <tr>
                    <td colSpan={5} className="px-4 py-3 text-center text-slate-500">
                      No Records to Display
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </section>
        </div>
      )}
    </div>
  );
}
