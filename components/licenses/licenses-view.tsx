"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { clsx } from "clsx";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Fragment, useState } from "react";
import { ActionsMenu, type MenuAction } from "@/components/ui/actions-menu";
import { Button } from "@/components/ui/button";
import { SearchBox } from "@/components/ui/search-box";
import { formatBalance } from "@/lib/format";
import { LicenseDetailDialog, DETAIL_TABS, type DetailTab } from "./license-detail-dialog";
import { LotsTable } from "./lots-table";
import { ManageTagsDialog } from "./manage-tags-dialog";
import { NotAvailableDialog } from "./not-available-dialog";
import { TransferDialog } from "./transfer-dialog";
import { UpgradeWizard } from "./upgrade-wizard";
import { fetchJson, type LicenseRow, type LicenseTag, substitutionCell, type VaRef } from "./types";

type Advanced = { billing: string; enforcement: string; expiringDays: string; tag: string };
const NO_FILTER: Advanced = { billing: "", enforcement: "", expiringDays: "", tag: "" };

/** S-9 Inventory › Licenses. */
export function LicensesView({
  smartAccountId,
  va,
  reservationEnabled,
  permissions,
  targets,
}: {
  smartAccountId: string;
  va: VaRef;
  reservationEnabled: boolean;
  permissions: { transfer: boolean; manageTags: boolean; reserve: boolean; upgrade: boolean };
  targets: VaRef[];
}) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const queryClient = useQueryClient();
  const [showTx, setShowTx] = useState(false);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [mode, setMode] = useState<"name" | "tag">("name");
  const [q, setQ] = useState("");
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const [draft, setDraft] = useState<Advanced>(NO_FILTER);
  const [advanced, setAdvanced] = useState<Advanced>(NO_FILTER);
  const [transferIds, setTransferIds] = useState<string[] | null>(null);
  const [tagsOpen, setTagsOpen] = useState(false);
  const [notAvailable, setNotAvailable] = useState<string | null>(null);
  const [upgrade, setUpgrade] = useState<{ target?: string } | null>(null);

  const rowsQuery = useQuery<{ rows: LicenseRow[] }>({
    queryKey: ["licenses", va.id],
    queryFn: () => fetchJson(`/api/ui/licenses?va=${va.id}`, "The licenses could not be loaded."),
  });
  const tagsQuery = useQuery<{ tags: LicenseTag[] }>({
    queryKey: ["license-tags", smartAccountId],
    queryFn: () => fetchJson(`/api/ui/licenses/tags?sa=${smartAccountId}`, "The license tags could not be loaded."),
  });
  const rows = rowsQuery.data?.rows ?? [];
  const tags = tagsQuery.data?.tags ?? [];

  // S-10 lives in the URL (`?license={defId}&ltab=…`) so a detail view can be shared.
  const detailId = search.get("license");
  const ltab = (DETAIL_TABS.some((t) => t.key === search.get("ltab")) ? search.get("ltab") : "overview") as DetailTab;
  function setDetail(license: string | null, tab: DetailTab = "overview") {
    const next = new URLSearchParams(search.toString());
    if (license) {
      next.set("license", license);
      next.set("ltab", tab);
    } else {
      next.delete("license");
      next.delete("ltab");
    }
    router.replace(`${pathname}?${next}`, { scroll: false });
  }

  // `View Licenses` of a conversion (S-23) opens this tab on the licenses it deposited: `?licenses=a,b`.
  const only = search.get("licenses")?.split(",").filter(Boolean) ?? [];
  function showAll() {
    const next = new URLSearchParams(search.toString());
    next.delete("licenses");
    router.replace(`${pathname}?${next}`, { scroll: false });
  }

  const needle = q.trim().toLowerCase();
  const filtered = rows.filter((r) => {
    if (only.length && !only.includes(r.licenseDefinitionId)) return false;
    if (needle && mode === "name" && !r.name.toLowerCase().includes(needle)) return false;
    if (needle && mode === "tag" && !r.tags.some((t) => t.toLowerCase().includes(needle))) return false;
    if (advanced.billing && r.billing !== advanced.billing) return false;
    if (advanced.enforcement && r.enforcement !== advanced.enforcement) return false;
    if (advanced.tag && !r.tags.includes(advanced.tag)) return false;
    if (advanced.expiringDays) {
      const days = Number(advanced.expiringDays);
      if (r.daysToExpiry === null || r.daysToExpiry > days) return false;
    }
    return true;
  });
  const searching = Boolean(needle) || only.length > 0 || JSON.stringify(advanced) !== JSON.stringify(NO_FILTER);

  // `By Tag`: rows grouped under tag headers (a license with two tags shows in both), then `Untagged`.
  const groups: { title: string | null; rows: LicenseRow[] }[] =
    mode === "tag"
      ? [
          ...tags
            .map((t) => ({ title: t.name, rows: filtered.filter((r) => r.tags.includes(t.name)) }))
            .filter((g) => g.rows.length > 0 && (!needle || g.title.toLowerCase().includes(needle))),
          ...(needle ? [] : [{ title: "Untagged", rows: filtered.filter((r) => r.tags.length === 0) }]).filter((g) => g.rows.length > 0),
        ]
      : [{ title: null, rows: filtered }];

  const byId = new Map(rows.map((r) => [r.licenseDefinitionId, r]));
  const transferLines = (transferIds ?? [])
    .map((id) => byId.get(id))
    .filter((r): r is LicenseRow => Boolean(r))
    .map((r) => ({ licenseDefinitionId: r.licenseDefinitionId, name: r.name, available: Math.max(0, r.balance) }));

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ["licenses"] });
    void queryClient.invalidateQueries({ queryKey: ["license-detail"] });
    void queryClient.invalidateQueries({ queryKey: ["license-events"] });
    router.refresh();
  };

  const csvParams = new URLSearchParams({ va: va.id });
  for (const id of selected) csvParams.append("license", id);
  const colCount = 9 + (showTx ? 1 : 0);

  function rowActions(r: LicenseRow): MenuAction[] {
    const actions: MenuAction[] = [];
    if (permissions.transfer) actions.push({ label: "Transfer...", onSelect: () => setTransferIds([r.licenseDefinitionId]) });
    actions.push({ label: "View Details", onSelect: () => setDetail(r.licenseDefinitionId) });
    if (reservationEnabled && permissions.reserve) actions.push({ label: "Reserve...", onSelect: () => setNotAvailable("Smart License Reservation") });
    return actions;
  }

  return (
    <section aria-label="Licenses" className="rounded border border-slate-200 bg-white">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2">
        <Menu.Root>
          <Menu.Trigger className="rounded border border-slate-300 px-3 py-1.5 text-slate-700 hover:bg-slate-100" data-testid="s9-available-actions">
            Available Actions ▾
          </Menu.Trigger>
          <Menu.Portal>
            <Menu.Content align="start" className="z-50 min-w-44 rounded border border-slate-200 bg-white py-1 shadow-lg">
              {permissions.transfer && (
                <Menu.Item
                  disabled={selected.size === 0}
                  onSelect={() => setTransferIds([...selected])}
                  className="cursor-pointer px-3 py-1.5 outline-none data-[disabled]:cursor-not-allowed data-[highlighted]:bg-slate-100 data-[disabled]:text-slate-400"
                >
                  Transfer...
                </Menu.Item>
              )}
              <Menu.Item asChild className="block px-3 py-1.5 text-slate-800 outline-none hover:no-underline data-[highlighted]:bg-slate-100">
                <a href={`/api/ui/licenses/csv?${csvParams}`} download data-testid="s9-export-to-csv">
                  Export to CSV
                </a>
              </Menu.Item>
              {permissions.upgrade && (
                <Menu.Item onSelect={() => setUpgrade({})} className="cursor-pointer px-3 py-1.5 outline-none data-[highlighted]:bg-slate-100" data-testid="s9-upgrade-licenses">
                  Upgrade Licenses...
                </Menu.Item>
              )}
            </Menu.Content>
          </Menu.Portal>
        </Menu.Root>
        {permissions.manageTags && (
          <Button onClick={() => setTagsOpen(true)} data-testid="s9-manage-license-tags">
            Manage License Tags
          </Button>
        )}
        <span title={reservationEnabled ? undefined : "License reservation is not enabled for this Smart Account."}>
          <Button
            disabled={!reservationEnabled || !permissions.reserve}
            onClick={() => setNotAvailable("Smart License Reservation")}
            data-testid="s9-license-reservation"
          >
            License Reservation...
          </Button>
        </span>
        <label className="flex items-center gap-1 text-slate-700">
          <input type="checkbox" checked={showTx} onChange={(e) => setShowTx(e.target.checked)} data-testid="s9-show-license-transactions" />
          Show License Transactions
        </label>
        <div className="ml-auto flex items-center gap-2">
          <SearchBox label="Search by License" onSearch={setQ} testId="s9-search-by-license" />
          <div role="radiogroup" aria-label="Search by" className="flex overflow-hidden rounded border border-slate-300">
            {(["name", "tag"] as const).map((m) => (
              <button
                key={m}
                type="button"
                role="radio"
                aria-checked={mode === m}
                onClick={() => setMode(m)}
                data-testid={`s9-by-${m}`}
                className={clsx("px-2 py-1", mode === m ? "bg-sky-700 text-white" : "bg-white text-slate-700")}
              >
                {m === "name" ? "By Name" : "By Tag"}
              </button>
            ))}
          </div>
          <Button variant="link" onClick={() => setAdvancedOpen((o) => !o)} aria-expanded={advancedOpen} data-testid="s9-advanced-search">
            Advanced Search
          </Button>
        </div>
      </div>
      {advancedOpen && (
        <form
          aria-label="Advanced Search"
          className="flex flex-wrap items-end gap-3 border-b border-slate-200 bg-slate-50 px-3 py-2"
          onSubmit={(e) => {
            e.preventDefault();
            setAdvanced(draft);
          }}
        >
          <label className="flex flex-col text-slate-600">
            Billing
            <select value={draft.billing} onChange={(e) => setDraft({ ...draft, billing: e.target.value })} className="rounded border border-slate-300 px-2 py-1">
              <option value="">Any</option>
              <option value="Prepaid">Prepaid</option>
              <option value="Usage">Usage</option>
            </select>
          </label>
          <label className="flex flex-col text-slate-600">
            Enforcement
            <select value={draft.enforcement} onChange={(e) => setDraft({ ...draft, enforcement: e.target.value })} className="rounded border border-slate-300 px-2 py-1">
              <option value="">Any</option>
              <option value="UNENFORCED">Not Enforced</option>
              <option value="ENFORCED">Enforced</option>
              <option value="EXPORT_CONTROLLED">Export Controlled</option>
            </select>
          </label>
          <label className="flex flex-col text-slate-600">
            Expiring within (days)
            <input
              type="number"
              min={1}
              value={draft.expiringDays}
              onChange={(e) => setDraft({ ...draft, expiringDays: e.target.value })}
              className="w-28 rounded border border-slate-300 px-2 py-1"
            />
          </label>
          <label className="flex flex-col text-slate-600">
            Tag
            <select value={draft.tag} onChange={(e) => setDraft({ ...draft, tag: e.target.value })} className="rounded border border-slate-300 px-2 py-1">
              <option value="">Any</option>
              {tags.map((t) => (
                <option key={t.id} value={t.name}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit" variant="primary">
            Search
          </Button>
          <Button
            onClick={() => {
              setDraft(NO_FILTER);
              setAdvanced(NO_FILTER);
            }}
          >
            Clear
          </Button>
        </form>
      )}
      {only.length > 0 && (
        <p className="flex items-center gap-2 border-b border-slate-200 bg-sky-50 px-3 py-2 text-sky-900" data-testid="s9-filtered">
          Showing the {only.length === 1 ? "license" : "licenses"} of a conversion.
          <Button variant="link" onClick={showAll} data-testid="s9-show-all-licenses">
            Show all licenses
          </Button>
        </p>
      )}
      {rowsQuery.isError ? (
        <p role="alert" className="px-3 py-4 text-red-700">
          {(rowsQuery.error as Error).message}{" "}
          <Button variant="link" onClick={() => rowsQuery.refetch()}>
            Try again
          </Button>
        </p>
      ) : (
        <table className="w-full text-left" aria-label="Licenses" aria-busy={rowsQuery.isFetching}>
          <thead className="bg-slate-100 text-slate-600">
            <tr>
              {showTx && (
                <th scope="col" className="w-8 px-2 py-2">
                  <span className="sr-only">Expand</span>
                </th>
              )}
              <th scope="col" className="w-8 px-2 py-2">
                <input
                  type="checkbox"
                  aria-label="Select all licenses"
                  checked={filtered.length > 0 && filtered.every((r) => selected.has(r.licenseDefinitionId))}
                  onChange={(e) => setSelected(e.target.checked ? new Set(filtered.map((r) => r.licenseDefinitionId)) : new Set())}
                />
              </th>
              {["License", "Billing", "Purchased", "In Use", "Substitution", "Balance", "Alerts"].map((h) => (
                <th key={h} scope="col" className="px-3 py-2">
                  {h}
                </th>
              ))}
              <th scope="col" className="px-3 py-2">
                Actions
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <Fragment key={g.title ?? "all"}>
                {g.title !== null && (
                  <tr className="bg-slate-50">
                    <th scope="rowgroup" colSpan={colCount} className="px-3 py-1.5 font-semibold text-slate-700">
                      {g.title}
                    </th>
                  </tr>
                )}
                {g.rows.map((r) => (
                  <Fragment key={r.licenseDefinitionId}>
                    <tr className="border-t border-slate-100" data-testid={`s9-row-${r.licenseDefinitionId}`}>
                      {showTx && (
                        <td className="px-2 py-1.5">
                          <button
                            type="button"
                            className="w-5 rounded border border-slate-300 text-center leading-4"
                            aria-expanded={expanded.has(r.licenseDefinitionId)}
                            aria-label={`License transactions of ${r.name}`}
                            onClick={() =>
                              setExpanded((s) => {
                                const n = new Set(s);
                                if (n.has(r.licenseDefinitionId)) n.delete(r.licenseDefinitionId);
                                else n.add(r.licenseDefinitionId);
                                return n;
                              })
                            }
                          >
                            {expanded.has(r.licenseDefinitionId) ? "−" : "+"}
                          </button>
                        </td>
                      )}
                      <td className="px-2 py-1.5">
                        <input
                          type="checkbox"
                          aria-label={`Select ${r.name}`}
                          checked={selected.has(r.licenseDefinitionId)}
                          onChange={() =>
                            setSelected((s) => {
                              const n = new Set(s);
                              if (n.has(r.licenseDefinitionId)) n.delete(r.licenseDefinitionId);
                              else n.add(r.licenseDefinitionId);
                              return n;
                            })
                          }
                        />
                      </td>
                      <td className="px-3 py-1.5">
                        <Button variant="link" className="text-left" onClick={() => setDetail(r.licenseDefinitionId)}>
                          {r.name}
                        </Button>
                      </td>
                      <td className="px-3 py-1.5">{r.billing}</td>
                      <td className="px-3 py-1.5">
                        {r.purchased}
                        {r.pending > 0 && ` (+ ${r.pending} pending)`}
                      </td>
                      <td className="px-3 py-1.5">{r.inUse}</td>
                      <td className="px-3 py-1.5">{substitutionCell(r.substitution)}</td>
                      <td className={clsx("px-3 py-1.5", r.balance < 0 && "font-semibold text-red-700")} data-testid="s9-balance">
                        {formatBalance(r.balance)}
                      </td>
                      <td className="px-3 py-1.5">
                        {r.alerts.map((a) => (
                          <span key={a} className={clsx("block", a === "Licenses Expiring" ? "text-amber-700" : "text-red-700")}>
                            {a}
                          </span>
                        ))}
                        {r.upgradePending &&
                          (permissions.upgrade ? (
                            <Button variant="link" onClick={() => setUpgrade({ target: r.licenseDefinitionId })} data-testid="s9-upgrade-pending">
                              Upgrade Pending
                            </Button>
                          ) : (
                            <span className="block text-sky-800">Upgrade Pending</span>
                          ))}
                      </td>
                      <td className="px-3 py-1.5">
                        <ActionsMenu label={`Actions for ${r.name}`} actions={rowActions(r)} />
                      </td>
                    </tr>
                    {showTx && expanded.has(r.licenseDefinitionId) && (
                      <tr className="bg-slate-50">
                        <td colSpan={colCount} className="px-6 py-2">
                          <LotsTable license={r.name} lots={r.lots} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </Fragment>
            ))}
            {rowsQuery.data && filtered.length === 0 && (
              <tr>
                <td colSpan={colCount} className="px-3 py-4 text-center text-slate-500">
                  {searching ? "No Records Found" : "No Records to Display"}
                </td>
              </tr>
            )}
            {!rowsQuery.data && (
              <tr>
                <td colSpan={colCount} className="px-3 py-4 text-center text-slate-500">
                  Loading…
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      {rowsQuery.data && (
        <p className="px-3 py-2 text-slate-600" data-testid="s9-footer">
          {filtered.length === 1 ? "Showing 1 Record" : `Showing All ${filtered.length} Records`}
        </p>
      )}
      {transferIds && transferLines.length > 0 && (
        <TransferDialog
          source={va}
          lines={transferLines}
          targets={targets}
          onClose={() => setTransferIds(null)}
          onDone={() => {
            setTransferIds(null);
            setSelected(new Set());
            refresh();
          }}
        />
      )}
      {tagsOpen && (
        <ManageTagsDialog
          smartAccountId={smartAccountId}
          tags={tags}
          licenses={rows.map((r) => ({ id: r.licenseDefinitionId, name: r.name }))}
          onChanged={() => {
            void queryClient.invalidateQueries({ queryKey: ["license-tags"] });
            void queryClient.invalidateQueries({ queryKey: ["licenses"] });
          }}
          onClose={() => setTagsOpen(false)}
        />
      )}
      {upgrade && (
        <UpgradeWizard
          va={va}
          initialTarget={upgrade.target}
          onClose={() => setUpgrade(null)}
          onDone={() => {
            setUpgrade(null);
            refresh();
          }}
        />
      )}
      {notAvailable && <NotAvailableDialog title={notAvailable} onClose={() => setNotAvailable(null)} />}
      {detailId && <LicenseDetailDialog vaId={va.id} licenseDefinitionId={detailId} tab={ltab} onTab={(t) => setDetail(detailId, t)} onClose={() => setDetail(null)} />}
    </section>
  );
}
