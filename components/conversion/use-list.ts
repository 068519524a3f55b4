"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";

type Paged = { total: number; page: number; pageSize: number; pageCount: number };

/** A paginated, searchable list read from `/api/ui/conversion/*` (S-0: search on Enter or after 300 ms). */
export function useConversionList<T extends Paged>(path: string, smartAccountId: string, failure: string) {
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const params = new URLSearchParams({ sa: smartAccountId, page: String(page), pageSize: String(pageSize) });
  if (q) params.set("q", q);
  const query = useQuery<T>({
    queryKey: [path, params.toString()],
    queryFn: async () => {
      const res = await fetch(`${path}?${params}`);
      const body = await res.json().catch(() => ({}));
      if (!res.ok) throw new Error(body.message ?? failure);
      return body;
    },
    placeholderData: keepPreviousData,
  });
  return {
    query,
    q,
    search: (value: string) => {
      setQ(value.trim());
      setPage(1);
    },
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
