"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { SearchBox } from "@/components/ui/search-box";
import { EVENT_CATEGORIES } from "@/lib/events/catalog";

type Row = { id: number; message: string; time: string; user: string };
type Page = { rows: Row[]; total: number; page: number; pageSize: number; pageCount: number };

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
  const [filter, setFilter] = useState({ category: "", va: "", q: "" });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);

  const params = new URLSearchParams({ scope, ...(id ? { id } : {}) });
  if (filter.category) params.set("category", filter.category);
  if (filter.va) params.set("va", filter.va);
  if (filter.q) params.set("q", filter.q);
  const listParams = new URLSearchParams(params);
  listParams.set("page", String(page));
  listParams.set("pageSize", String(pageSize));

  const query = useQuery<Page>({
    queryKey: ["events", listParams.toString()],
    queryFn: async () => {
      const res = await fetch(`/api/ui/events?${listParams}`);
      const body = await res.json();
      if (!res.ok) throw new Error(body.message ?? "The event log could not be loaded.");
      return body;
    },
    placeholderData: keepPreviousData,
  });

  const apply = (next: Partial<typeof filter>) => {
    setFilter((f) => ({ ...f, ...next }));
    setPage(1);
  };
  const searching = Boolean(filter.q || filter.category || filter.va);
  const data = query.data;

  return (
    <section aria-label="Event Log" className="rounded border border-slate-200 bg-white">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2">
        <SearchBox label="Search by Message" onSearch={(q) => apply({ q: q.trim() })} testId={`${testIdPrefix}-search-by-message`} />
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
        <Button onClick={() => apply({ category: draftCategory, va: draftVa })} data-testid={`${testIdPrefix}-filter`}>
          Filter
        </Button>
        <a
          className="ml-auto rounded border border-slate-300 px-3 py-1.5 text-slate-700 hover:bg-slate-100 hover:no-underline"
          href={`/api/ui/events/csv?${params}`}
          download
          data-testid={`${testIdPrefix}-export-to-csv`}
        >
          Export to CSV
        </a>
      </div>
      {query.isError ? (
        <p role="alert" className="px-3 py-4 text-red-700">
          {(query.error as Error).message}{" "}
          <Button variant="link" onClick={() => query.refetch()}>
            Try again
          </Button>
        </p>
      ) : (
        <table className="w-full text-left" aria-busy={query.isFetching}>
          <thead className="bg-slate-100 text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">Message</th>
              <th scope="col" className="w-48 px-3 py-2">Time</th>
              <th scope="col" className="w-36 px-3 py-2">User</th>
            </tr>
          </thead>
          <tbody>
            {data?.rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-100">
                <td className="px-3 py-1.5">{r.message}</td>
                <td className="whitespace-nowrap px-3 py-1.5">{r.time}</td>
                <td className="px-3 py-1.5">{r.user}</td>
              </tr>
            ))}
            {data && data.rows.length === 0 && (
              <tr>
                <td colSpan={3} className="px-3 py-4 text-center text-slate-500">
                  {searching ? "No Records Found" : "No Records to Display"}
                </td>
              </tr>
            )}
            {!data && (
              <tr>
                <td colSpan={3} className="px-3 py-4 text-center text-slate-500">
                  Loading…
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      {data && (
        <Pagination
          page={data.page}
          pageCount={data.pageCount}
          total={data.total}
          pageSize={pageSize}
          onPage={setPage}
          onPageSize={(s) => {
            setPageSize(s);
            setPage(1);
          }}
          testId={`${testIdPrefix}-pagination`}
        />
      )}
    </section>
  );
}
