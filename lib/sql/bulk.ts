import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

type Value = string | number | boolean | Date | null | undefined;
/** One column of a bulk write: its SQL name, its Postgres type and one value per row. */
export type Column = [name: string, type: string, values: Value[]];

const text = (v: Value): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v));

/**
 * Each column travels as ONE text-array parameter, cast in SQL, so a thousand rows cost a few
 * parameters instead of tens of thousands (and both drivers serialise text arrays the same way).
 */
export function unnestColumns(columns: Column[]): SQL {
  const arrays = columns.map(([, type, values]) => sql`${sql.param(values.map(text))}::text[]${sql.raw(type.endsWith("[]") ? "" : `::${type}[]`)}`);
  const names = columns.map(([name]) => sql.raw(`"${name}"`));
  return sql`unnest(${sql.join(arrays, sql`, `)}) as v(${sql.join(names, sql`, `)})`;
}

/** `insert into {table} (cols) select … from unnest(…)`; array-typed columns arrive as array literals. */
export async function bulkInsert(tx: DbOrTx, table: string, columns: Column[], suffix: SQL = sql``): Promise<void> {
  if (columns.length === 0 || columns[0][2].length === 0) return;
  const names = sql.raw(columns.map(([name]) => `"${name}"`).join(", "));
  const selected = sql.raw(columns.map(([name, type]) => (type.endsWith("[]") ? `v."${name}"::${type}` : `v."${name}"`)).join(", "));
  const arrays = columns.map(([, type, values]) => sql`${sql.param(values.map(text))}::text[]${sql.raw(type.endsWith("[]") ? "" : `::${type}[]`)}`);
  const aliases = sql.raw(columns.map(([name]) => `"${name}"`).join(", "));
  await tx.execute(sql`insert into ${sql.raw(`"${table}"`)} (${names}) select ${selected} from unnest(${sql.join(arrays, sql`, `)}) as v(${aliases}) ${suffix}`);
}

/** A Postgres array literal (`{a,"b c"}`) for an array-typed column of `bulkInsert`. */
export function arrayLiteral(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}
