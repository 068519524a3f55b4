"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { type Column, PagedTable } from "@/components/ui/paged-table";
import { SearchBox } from "@/components/ui/search-box";
import { usePagedList } from "@/components/ui/use-paged-list";
import { EVENT_CATEGORIES } from "@/lib/events/catalog";

type Row = { id: number; message: string; time: string; user: string };
type Page = { rows: Row[]; total: number; page: number; pageSize: number; pageCount: number };

const COLUMNS: Column[] = ["Message", { key: "Time", label: "Time", className: "w-48" }, { key: "User", label: "User", className: "w-36" }];

/** S-20 / S-24 / S-32 / S-34 event log: type filter, search, `Filter`, `Export to CSV`, paginated `Message | Time | User`. */
export function EventLog({
  scope,
  id,
  vaOptions,
  typeFilter = true,
  testIdPrefix = "s20",
}: {
  scope: "va" | "sa" | "ops" | "pi" | "conv";
  id?: string;
  vaOptions?: { id: string; name: string }[];
  /** S-24 lists one category only, so it shows no type filter. */
  typeFilter?: boolean;
  testIdPrefix?: string;
}) {
  const [draftCategory, setDraftCategory] = useState("");
  const [draftVa, setDraftVa] = useState("");
  const [filter, setFilter] = useState({ category: "", va: "" });
  const list = usePagedList<Page>({
    queryKey: "events",
    path: "/api/ui/events",
    filter: { scope, id: id || undefined, category: filter.category || undefined, va: filter.va || undefined },
    failure: "The event log could not be loaded.",
  });
  const searching = Boolean(list.q || filter.category || filter.va);

  return (
    <section aria-label="Event Log" className="rounded border border-slate-200 bg-white">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2">
        <SearchBox label="Search by Message" onSearch={list.search} testId={`${testIdPrefix}-search-by-message`} />
        {typeFilter && (
          <select
            aria-label="Event Type"
            value={draftCategory}
            onChange={(e) => setDraftCategory(e.target.value)}
            className="rounded border border-slate-300 px-2 py-1"
            data-testid={`${testIdPrefix}-event-type`}
          >
            <option value="">All Events</option>
            {EVENT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        )}
        {vaOptions && (
          <select
            aria-label="Virtual Account"
            value={draftVa}
            onChange={(e) => setDraftVa(e.target.value)}
            className="rounded border border-slate-300 px-2 py-1"
            data-testid={`${testIdPrefix}-virtual-account`}
          >
            <option value="">All Virtual Accounts</option>
            {vaOptions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        )}
        <Button
          onClick={() => {
            setFilter({ category: draftCategory, va: draftVa });
            list.firstPage();
          }}
          data-testid={`${testIdPrefix}-filter`}
        >
          Filter
        </Button>
        <a
          className="ml-auto rounded border border-slate-300 px-3 py-1.5 text-slate-700 hover:bg-slate-100 hover:no-underline"
          href={`/api/ui/events/csv?${list.filterParams}`}
          download
          data-testid={`${testIdPrefix}-export-to-csv`}
        >
          Export to CSV
        </a>
      </div>
      <PagedTable
        list={list}
        columns={COLUMNS}
        paginationTestId={`${testIdPrefix}-pagination`}
        searching={searching}
        rowKey={(r) => r.id}
        row={(r) => (
          <tr className="border-t border-slate-100">
            <td className="px-3 py-1.5">{r.message}</td>
            <td className="whitespace-nowrap px-3 py-1.5">{r.time}</td>
            <td className="px-3 py-1.5">{r.user}</td>
          </tr>
        )}
      />
    </section>
  );
}
