"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { fetchJson } from "@/components/ui/fetch-json";

/**
 * A read-only information dialog (S-52 PAK, S-54 device): the facts about one item, then the table
 * of its lines. `testId` names the dialog `{testId}-dialog` and its button `{testId}-close`.
 */
export function InfoDialog<T>({
  title,
  testId,
  queryKey,
  url,
  failure,
  facts,
  table,
  onClose,
}: {
  title: string;
  testId: string;
  queryKey: readonly unknown[];
  url: string;
  failure: string;
  facts: (data: T) => readonly (readonly [string, ReactNode])[];
  table: { label: string; headers: string[]; rows: (data: T) => ReactNode };
  onClose: () => void;
}) {
  const query = useQuery({ queryKey, queryFn: () => fetchJson<T>(url, failure) });
  const data = query.data;
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={title}
      wide
      testId={`${testId}-dialog`}
      footer={
        <Button variant="primary" onClick={onClose} data-testid={`${testId}-close`}>
          Close
        </Button>
      }
    >
      {query.isError && <p role="alert" className="text-red-700">{(query.error as Error).message}</p>}
      {data && (
        <>
          <dl className="mb-3 grid grid-cols-[12rem_1fr] gap-x-3 gap-y-1">
            {facts(data).map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-slate-600">{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          <table className="w-full text-left" aria-label={table.label}>
            <thead className="bg-slate-100 text-slate-600">
              <tr>
                {table.headers.map((h) => (
                  <th key={h} scope="col" className="px-2 py-1.5">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{table.rows(data)}</tbody>
          </table>
        </>
      )}
    </Dialog>
  );
}
