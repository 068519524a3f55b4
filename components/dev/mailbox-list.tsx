"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { MailboxResponse } from "@/app/api/ui/dev/mailbox/route";
import { Button } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { errorMessage } from "./download";

/** `/dev/mailbox` (§0.1, D-28): every e-mail the app sent, newest first, with its attachments. */
export function MailboxList() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  const query = useQuery<MailboxResponse>({
    queryKey: ["mailbox", params.toString()],
    queryFn: async () => {
      const res = await fetch(`/api/ui/dev/mailbox?${params}`);
      if (!res.ok) throw new Error(await errorMessage(res, "The mailbox could not be loaded."));
      return res.json();
    },
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  if (query.isError) {
    return (
      <p role="alert" className="text-red-700">
        {(query.error as Error).message}{" "}
        <Button variant="link" onClick={() => query.refetch()}>
          Try again
        </Button>
      </p>
    );
  }
  return (
    <section aria-label="Mailbox" className="rounded border border-slate-200 bg-white" data-testid="s60-mailbox-list">
      {!data && <p className="px-3 py-4 text-center text-slate-500">Loading…</p>}
      {data?.messages.length === 0 && <p className="px-3 py-4 text-center text-slate-500">No Records to Display</p>}
      {data?.messages.map((m) => (
        <article key={m.id} aria-label={m.subject} className="border-b border-slate-100 px-4 py-3" data-testid="s60-message">
          <h3 className="font-semibold">{m.subject}</h3>
          <dl className="mb-2 grid grid-cols-[4rem_1fr] gap-x-2 text-slate-600">
            <dt>To</dt>
            <dd>{m.to}</dd>
            <dt>Time</dt>
            <dd>{m.time}</dd>
          </dl>
          <pre className="whitespace-pre-wrap break-words rounded bg-slate-50 px-3 py-2 font-sans text-sm">{m.body}</pre>
          {m.attachments.length > 0 && (
            <ul aria-label="Attachments" className="mt-2 flex flex-wrap gap-3">
              {m.attachments.map((a) => (
                <li key={a.index}>
                  <a href={`/api/ui/dev/mailbox/${m.id}/attachments/${a.index}`} download data-testid="s60-attachment">
                    {a.name}
                  </a>{" "}
                  <span className="text-xs text-slate-500">({a.size} bytes)</span>
                </li>
              ))}
            </ul>
          )}
        </article>
      ))}
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
          testId="s60-mailbox-pagination"
        />
      )}
    </section>
  );
}
