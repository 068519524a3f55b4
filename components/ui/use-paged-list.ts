"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { fetchJson } from "./fetch-json";

/** What every paginated `/api/ui/*` list answers (S-0). */
export type PagedResponse = { rows: unknown[]; total: number; page: number; pageCount: number };

export type PagedListOptions<T> = {
  /** The first element of the query key: invalidating it refreshes every page of the list. */
  queryKey: string;
  /** The `/api/ui/*` route. */
  path: string;
  /** Query parameters besides the search text, page and page size; undefined ones are left out. */
  filter?: Record<string, string | undefined>;
  /** The message shown when the answer carries none. */
  failure: string;
  /** Polling, decided from the page shown (e.g. while a file is still processing). */
  refetchInterval?: (data: T | undefined) => number | false;
};

/** One paginated, searchable list: page, page size and search text (S-0) and the query that reads it. */
export function usePagedList<T extends PagedResponse>({ queryKey, path, filter = {}, failure, refetchInterval }: PagedListOptions<T>) {
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);

  const filterParams = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined) filterParams.set(k, v);
  if (q) filterParams.set("q", q);
  const params = new URLSearchParams(filterParams);
  params.set("page", String(page));
  params.set("pageSize", String(pageSize));

  const query = useQuery<T>({
    queryKey: [queryKey, params.toString()],
    queryFn: () => fetchJson<T>(`${path}?${params}`, failure),
    placeholderData: keepPreviousData,
    refetchInterval: refetchInterval && ((current) => refetchInterval(current.state.data)),
  });

  return {
    query,
    data: query.data,
    q,
    /** The filter and search without paging, for the list's `Export to CSV` link. */
    filterParams,
    search: (value: string) => {
      setQ(value.trim());
      setPage(1);
    },
    firstPage: () => setPage(1),
    pagination: {
      pageSize,
      onPage: setPage,
      onPageSize: (size: number) => {
        setPageSize(size);
        setPage(1);
      },
    },
  };
}

export type PagedList<T extends PagedResponse> = ReturnType<typeof usePagedList<T>>;
