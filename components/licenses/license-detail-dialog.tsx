"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { clsx } from "clsx";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Pagination } from "@/components/ui/pagination";
import { formatDate } from "@/lib/format";
import type { LicenseDetail } from "@/lib/licensing/detail";
import { fetchJson } from "./types";

export const DETAIL_TABS = [
  { key: "overview", label: "Overview" },
  { key: "product-instances", label: "Product Instances" },
  { key: "event-log", label: "Event Log" },
  { key: "order-history", label: "Order History" },
] as const;
export type DetailTab = (typeof DETAIL_TABS)[number]["key"];

const th = "px-2 py-1.5";
const td = "px-2 py-1.5";

function rowsFooter(n: number) {
  return <p className="px-2 py-1.5 text-slate-500">{n === 1 ? "Showing 1 Record" : `Showing All ${n} Records`}</p>;
}

function EmptyRow({ cols }: { cols: number }) {
  return (
    <tr>
      <td colSpan={cols} className="px-2 py-3 text-center text-slate-500">
        No Records to Display
      </td>
    </tr>
  );
}

/** S-10: title with the entitlement tag, tabs `Overview | Product Instances | Event Log | Order History`. */
export function LicenseDetailDialog({
  vaId,
  licenseDefinitionId,
  tab,
  onTab,
  onClose,
}: {
  vaId: string;
  licenseDefinitionId: string;
  tab: DetailTab;
  onTab: (tab: DetailTab) => void;
  onClose: () => void;
}) {
  const q = useQuery<LicenseDetail>({
    queryKey: ["license-detail", vaId, licenseDefinitionId],
    queryFn: () => fetchJson(`/api/ui/licenses/detail?va=${vaId}&license=${licenseDefinitionId}`, "The license could not be loaded."),
  });
  const d = q.data;
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={d?.name ?? "License"} wide testId="s10-license-detail-dialog">
      {q.isError && (
        <p role="alert" className="text-red-700">
          {(q.error as Error).message}
        </p>
      )}
      {d && (
        <>
          <p className="-mt-2 mb-3 break-all font-mono text-xs text-slate-500" data-testid="s10-entitlement-tag">
            {d.entitlementTag}
          </p>
          <div role="tablist" aria-label="License details" className="mb-3 flex gap-4 border-b border-slate-300">
            {DETAIL_TABS.map((t) => (
              <button
                key={t.key}
                type="button"
                role="tab"
                aria-selected={tab === t.key}
                onClick={() => onTab(t.key)}
                data-testid={`s10-tab-${t.key}`}
                className={clsx("-mb-px border-b-2 px-1 py-2", tab === t.key ? "border-sky-700 text-sky-800" : "border-transparent text-slate-600")}
              >
                {t.label}
              </button>
            ))}
          </div>
          <div role="tabpanel" aria-label={DETAIL_TABS.find((t) => t.key === tab)?.label}>
            {tab === "overview" && <Overview d={d} />}
            {tab === "product-instances" && (
              <table className="w-full text-left" aria-label="Product Instances">
                <thead className="bg-slate-100 text-slate-600">
                  <tr>
                    {["Name", "Product Type", "Virtual Account", "Quantity", "Source"].map((h) => (
                      <th key={h} scope="col" className={th}>
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {d.productInstances.map((p) => (
                    <tr key={p.id} className="border-t border-slate-100">
                      <td className={td}>{p.name}</td>
                      <td className={td}>{p.productType || "-"}</td>
                      <td className={td}>{p.virtualAccount}</td>
                      <td className={td}>{p.quantity}</td>
                      <td className={td}>{p.source}</td>
                    </tr>
                  ))}
                  {d.productInstances.length === 0 && <EmptyRow cols={5} />}
                </tbody>
              </table>
            )}
            {tab === "product-instances" && rowsFooter(d.productInstances.length)}
            {tab === "event-log" && <LicenseEventLog vaId={vaId} licenseDefinitionId={licenseDefinitionId} />}
            {tab === "order-history" && (
              <>
                <table className="w-full text-left" aria-label="Order History">
                  <thead className="bg-slate-100 text-slate-600">
                    <tr>
                      {["Order Number", "SKU", "Quantity", "Order Date", "Start Date", "Expiration Date", "Virtual Account"].map((h) => (
                        <th key={h} scope="col" className={th}>
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {d.orders.map((o) => (
                      <tr key={o.id} className="border-t border-slate-100">
                        <td className={td}>{o.orderNumber}</td>
                        <td className={td}>{o.sku}</td>
                        <td className={td}>{o.quantity}</td>
                        <td className={td}>{formatDate(o.orderDate)}</td>
                        <td className={td}>{formatDate(o.startDate)}</td>
                        <td className={td}>{o.endDate ? formatDate(o.endDate) : "- never -"}</td>
                        <td className={td}>{o.virtualAccount}</td>
                      </tr>
                    ))}
                    {d.orders.length === 0 && <EmptyRow cols={7} />}
                  </tbody>
                </table>
                {rowsFooter(d.orders.length)}
              </>
            )}
          </div>
        </>
      )}
      {!d && !q.isError && <p className="text-slate-500">Loading…</p>}
    </Dialog>
  );
}

function Overview({ d }: { d: LicenseDetail }) {
  const o = d.overview;
  return (
    <div>
      <dl className="mb-4 grid grid-cols-[8rem_1fr] gap-y-1">
        <dt className="text-slate-500">Description</dt>
        <dd>{o.description || "-"}</dd>
        <dt className="text-slate-500">Enforcement</dt>
        <dd>{o.enforcement}</dd>
        <dt className="text-slate-500">Duration</dt>
        <dd>{o.duration}</dd>
        <dt className="text-slate-500">Billing</dt>
        <dd>{o.billing}</dd>
      </dl>
      {o.perVa.length > 0 && (
        <section aria-label="Use per Virtual Account" className="mb-4">
          <h3 className="mb-2 font-semibold text-slate-700">Use per Virtual Account</h3>
          <ul className="flex flex-wrap gap-4">
            {o.perVa.map((v) => {
              const whole = v.inUse + v.available;
              const pct = whole === 0 ? 0 : Math.round((v.inUse / whole) * 100);
              return (
                <li key={v.virtualAccount} className="flex items-center gap-2">
                  <span
                    aria-hidden="true"
                    className="inline-block h-10 w-10 rounded-full"
                    style={{ background: `conic-gradient(#0369a1 0 ${pct}%, #cbd5e1 ${pct}% 100%)` }}
                  />
                  <span>
                    <span className="block font-medium">{v.virtualAccount}</span>
                    <span className="text-slate-600">
                      In Use {v.inUse} · Available {v.available}
                    </span>
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <h3 className="mb-2 font-semibold text-slate-700">License Expiration</h3>
      <table className="w-full text-left" aria-label="License Expiration">
        <thead className="bg-slate-100 text-slate-600">
          <tr>
            <th scope="col" className={th}>Count</th>
            <th scope="col" className={th}>Type</th>
            <th scope="col" className={th}>Expiration Date</th>
          </tr>
        </thead>
        <tbody>
          {o.expiration.map((e) => (
            <tr key={`${e.type}|${e.expirationDate}`} className="border-t border-slate-100">
              <td className={td}>{e.count}</td>
              <td className={td}>{e.type}</td>
              <td className={td}>{e.expirationDate ? formatDate(e.expirationDate) : "- never -"}</td>
            </tr>
          ))}
          {o.expiration.length === 0 && <EmptyRow cols={3} />}
        </tbody>
      </table>
    </div>
  );
}

type EventPage = { rows: { id: number; message: string; time: string; user: string }[]; total: number; page: number; pageCount: number };

function LicenseEventLog({ vaId, licenseDefinitionId }: { vaId: string; licenseDefinitionId: string }) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const q = useQuery<EventPage>({
    queryKey: ["license-events", vaId, licenseDefinitionId, page, pageSize],
    queryFn: () =>
      fetchJson(`/api/ui/licenses/events?va=${vaId}&license=${licenseDefinitionId}&page=${page}&pageSize=${pageSize}`, "The event log could not be loaded."),
    placeholderData: keepPreviousData,
  });
  const d = q.data;
  return (
    <div>
      <table className="w-full text-left" aria-label="Event Log">
        <thead className="bg-slate-100 text-slate-600">
          <tr>
            <th scope="col" className={th}>Message</th>
            <th scope="col" className={clsx(th, "w-44")}>Time</th>
            <th scope="col" className={clsx(th, "w-28")}>User</th>
          </tr>
        </thead>
        <tbody>
          {d?.rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-100">
              <td className={td}>{r.message}</td>
              <td className={clsx(td, "whitespace-nowrap")}>{r.time}</td>
              <td className={td}>{r.user}</td>
            </tr>
          ))}
          {d && d.rows.length === 0 && <EmptyRow cols={3} />}
        </tbody>
      </table>
      {d && (
        <Pagination
          page={d.page}
          pageCount={d.pageCount}
          total={d.total}
          pageSize={pageSize}
          onPage={setPage}
          onPageSize={(s) => {
            setPageSize(s);
            setPage(1);
          }}
          testId="s10-event-log-pagination"
        />
      )}
    </div>
  );
}
