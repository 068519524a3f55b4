import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

type Value = string | number | boolean | Date | null | undefined;
/** One column of a bulk write: its SQL name, its Postgres type and one value per row. */
export type Column = [name: string, type: string, values: Value[]];

const text = (v: Value): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v));

const NEEDS_ESCAPE = /["\\]/g;

/**
 * The Postgres literal of a text array (`{"a","b \\"c\\"",NULL}`), built here in one pass: the
 * drivers' own array serialisers run two regular expressions over every element, which for a
 * chunk's thousands of values (and its ACK documents) is a noticeable share of the CPU.
 */
function textArrayLiteral(values: Value[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const t = text(values[i]);
    if (t === null) parts[i] = "NULL";
    else parts[i] = t.includes('"') || t.includes("\\") ? `"${t.replace(NEEDS_ESCAPE, "\\$&")}"` : `"${t}"`;
  }
  return `{${parts.join(",")}}`;
}

/** One array parameter of `values`, as `$n::text[]::{type}[]`, sent as the array's literal text. */
export function arrayParam(values: Value[], type: string): SQL {
  return sql`${sql.param(textArrayLiteral(values))}::text[]${sql.raw(type.endsWith("[]") ? "" : `::${type}[]`)}`;
}

/** The rows of a raw `select`: postgres.js returns them as the result itself, PGlite under `rows`. */
export async function selectRows<T extends Record<string, unknown>>(tx: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/** `= any($n::{type}[])`: one parameter for a whole id list, so the statement text never varies with its length. */
export function anyOf(values: Value[], type: string): SQL {
  return sql`= any(${arrayParam(values, type)})`;
}

/**
 * Each column travels as ONE text-array parameter, cast in SQL, so a thousand rows cost a few
 * parameters instead of tens of thousands (and both drivers serialise text arrays the same way).
 */
export function unnestColumns(columns: Column[]): SQL {
  const arrays = columns.map(([, type, values]) => arrayParam(values, type));
  const names = columns.map(([name]) => sql.raw(`"${name}"`));
  return sql`unnest(${sql.join(arrays, sql`, `)}) as v(${sql.join(names, sql`, `)})`;
}

/**
 * Rows per statement, so that one statement carries about `BATCH_BYTES` of text: Postgres keeps
 * a set-returning function's result in memory only up to `work_mem` (4 MB by default), and a wide
 * batch spilled to a temporary file costs several times as much per row.
 */
const BATCH_BYTES = 512 * 1024;
function batchRows(columns: Column[]): number {
  const rows = columns[0][2].length;
  const sample = Math.min(rows, 50);
  let bytes = 0;
  for (const [, , values] of columns) for (let i = 0; i < sample; i++) bytes += (text(values[i])?.length ?? 0) + 2;
  return Math.max(1, Math.floor(BATCH_BYTES / Math.max(1, bytes / sample)));
}

const sameEverywhere = (values: Value[]) => {
  const first = text(values[0]);
  return values.every((v) => text(v) === first);
};

/**
 * `insert into {table} (cols) select … from unnest(…)`; array-typed columns arrive as array
 * literals. A column with one value for every row travels as one scalar parameter. Wide rows go
 * in several statements of about `BATCH_BYTES` each.
 */
export async function bulkInsert(tx: DbOrTx, table: string, columns: Column[], suffix: SQL = sql``): Promise<void> {
  if (columns.length === 0 || columns[0][2].length === 0) return;
  const rows = columns[0][2].length;
  const per = batchRows(columns);
  if (per < rows) {
    for (let i = 0; i < rows; i += per) {
      await bulkInsert(tx, table, columns.map(([name, type, values]) => [name, type, values.slice(i, i + per)] as Column), suffix);
    }
    return;
  }
  const constant = columns.map(([, , values]) => rows > 1 && sameEverywhere(values));
  const varying = columns.filter((_, i) => !constant[i]);
  const names = sql.raw(columns.map(([name]) => `"${name}"`).join(", "));
  const selected = sql.join(
    columns.map(([name, type, values], i) => {
      if (constant[i]) return sql`${text(values[0])}::${sql.raw(type)}`;
      return sql.raw(type.endsWith("[]") ? `v."${name}"::${type}` : `v."${name}"`);
    }),
    sql`, `,
  );
  // unnest needs at least one array to give the row count.
  const source = varying.length ? unnestColumns(varying) : sql`generate_series(1, ${rows}::int) as v`;
  await tx.execute(sql`insert into ${sql.raw(`"${table}"`)} (${names}) select ${selected} from ${source} ${suffix}`);
}

/** A Postgres array literal (`{a,"b c"}`) for an array-typed column of `bulkInsert`. */
export function arrayLiteral(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}
