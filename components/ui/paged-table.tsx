"use client";

import { clsx } from "clsx";
import { type AriaAttributes, Fragment, type Key, type ReactNode } from "react";
import { Button } from "./button";
import { Pagination } from "./pagination";
import type { PagedList, PagedResponse } from "./use-paged-list";

/** A header cell: its text, or a label with its own key, width classes and sort state. */
export type Column = string | { key: string; label: ReactNode; className?: string; sort?: AriaAttributes["aria-sort"] };

type Row<T extends PagedResponse> = T["rows"][number];

/**
 * S-0 paginated table: the error with `Try again`, the header row, the caller's rows, the
 * `Loading…` and empty rows (`No Records Found` while searching, else `No Records to Display`)
 * and the pagination footer.
 */
export function PagedTable<T extends PagedResponse>({
  list,
  columns,
  rowKey,
  row,
  label,
  testId,
  paginationTestId,
  searching = Boolean(list.q),
  busy = list.query.isFetching,
  empty,
  emptyTestId,
  scrollX = false,
}: {
  list: PagedList<T>;
  columns: Column[];
  rowKey: (row: Row<T>) => Key;
  /** The `<tr>` (or rows) for one record. */
  row: (row: Row<T>) => ReactNode;
  /** The table's accessible name. */
  label?: string;
  testId?: string;
  paginationTestId: string;
  searching?: boolean;
  busy?: boolean;
  /** Replaces the S-0 empty text. */
  empty?: ReactNode;
  emptyTestId?: string;
  /** Let a wide table scroll sideways. */
  scrollX?: boolean;
}) {
  const { query, data, pagination } = list;
  const footer = data && <Pagination page={data.page} pageCount={data.pageCount} total={data.total} {...pagination} testId={paginationTestId} />;
  if (query.isError) {
    return (
      <>
        <p role="alert" className="px-3 py-4 text-red-700">
          {(query.error as Error).message}
{" "}
          <Button variant="link" onClick={() => query.refetch()}>
            Try again
          </Button>
        </p>
        {footer}
      </>
    );
  }
  const rows = data?.rows as Row<T>[] | undefined;
  const note = "px-3 py-4 text-center text-slate-500";
  const table = (
    <table className="w-full text-left" aria-label={label} aria-busy={busy} data-testid={testId}>
      <thead className="bg-slate-100 text-slate-600">
        <tr>
          {columns.map((c) =>
            typeof c === "string" ? (
              <th key={c} scope="col" className="px-3 py-2">
                {c}
              </th>
            ) : (
              <th key={c.key} scope="col" className={clsx(c.className, "px-3 py-2")} aria-sort={c.sort}>
                {c.label}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>
        {rows?.map((r) => <Fragment key={rowKey(r)}>{row(r)}</Fragment>)}
        {rows && rows.length === 0 && (
          <tr>
            <td colSpan={columns.length} className={note} data-testid={emptyTestId}>
              {empty ?? (searching ? "No Records Found" : "No Records to Display")}
            </td>
          </tr>
        )}
        {!rows && (
          <tr>
            <td colSpan={columns.length} className={note}>
              Loading…
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
  return (
    <>
      {scrollX ? <div className="overflow-x-auto">{table}</div> : table}
      {footer}
    </>
  );
}
