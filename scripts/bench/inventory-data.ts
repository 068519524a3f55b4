import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { type DatabaseHandle, type Db, migrateDatabase, openPglite, openPostgres } from "@/db/client";
import type { AccessContext } from "@/lib/access/context";
import { displayNameSql, searchTextSql } from "@/lib/inventory/display-name";
import { listProductInstances } from "@/lib/inventory/list";
import { escapeLike } from "@/lib/lists/paging";
import { piListSchema } from "@/lib/inventory/schemas";
import { loadReferenceData } from "@/lib/seed/reference";
import { DEFAULT_BENCH_DATABASE_URL } from "./backends";
import { percentile } from "./stats";
import type { BenchContext } from "./types";

/**
 * Shared fill and timing helpers of the inventory bench modules (40, 45): one Smart Account whose
 * VA `Bench VA` holds the volume, written by plain SQL (bulk inserts, not the demo seed).
 */
export const BENCH_SA = "0b5e7c1a-0000-4000-8000-000000000001";
export const BENCH_VA = "0b5e7c1a-0000-4000-8000-000000000002";

/** An SA administrator of the bench SA, as the list functions see the user. */
export function benchAccess(): AccessContext {
  return {
    user: { id: "00000000-0000-4000-8000-000000000000", email: "bench@example.com", ccoId: "bench", displayName: "Bench", licensingOps: false },
    saRoles: new Map([[BENCH_SA, "SA_ADMIN"]]),
    vaRoles: new Map(),
    disabledIn: new Set(),
  };
}

/** A fresh, migrated database with reference data (in-memory PGlite, or a new PostgreSQL database), not the server's. */
export async function openBenchDatabase(backend: string, label: string): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (backend === "pglite") handle = await openPglite();
  else {
    const base = process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
    const name = `openssm_bench_${label}_${randomBytes(4).toString("hex")}`;
    const admin = await openPostgres(base);
    await admin.db.execute(sql.raw(`create database ${name}`));
    await admin.close();
    const url = new URL(base);
    url.pathname = `/${name}`;
    const inner = await openPostgres(url.toString());
    handle = {
      ...inner,
      close: async () => {
        await inner.close();
        const again = await openPostgres(base);
        await again.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
        await again.close();
      },
    };
  }
  await migrateDatabase(handle);
  await loadReferenceData(handle.db);
  return handle;
}

/** postgres.js answers an array of rows, PGlite an object with `rows`. */
export async function queryRows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

/** The bench SA and its VA `Bench VA`, plus `extraVas` empty VAs (the VA selector lists them all). */
export async function fillAccounts(db: Db, extraVas = 0): Promise<void> {
  await db.execute(sql`insert into smart_accounts (id, account_id, name, domain) values (${BENCH_SA}, '900001', 'Bench SA', 'bench.example.com')`);
  await db.execute(sql`insert into virtual_accounts (id, smart_account_id, va_numeric_id, name, is_default) values (${BENCH_VA}, ${BENCH_SA}, '900002', 'Bench VA', true)`);
  if (extraVas > 0) {
    await db.execute(sql`insert into virtual_accounts (smart_account_id, va_numeric_id, name, is_default)
      select ${BENCH_SA}::uuid, (910000 + g)::text, 'Bench VA ' || g, false from generate_series(1, ${extraVas}::int) g`);
  }
}

/** `n` PIs in the bench VA: a third with a shared hostname, 2% with an open alert. */
export async function fillProductInstances(db: Db, n: number): Promise<void> {
  const chunk = 25_000;
  for (let from = 1; from <= n; from += chunk) {
    const to = Math.min(n, from + chunk - 1);
    await db.execute(sql`
      insert into product_instances (virtual_account_id, smart_account_id, udi_pid, udi_sn, hostname, hostname_shared,
        product_type, product_description, registration_date, last_contact_at, uuid, channel)
      select ${BENCH_VA}::uuid, ${BENCH_SA}::uuid,
        (array['ISR4451-X/K9','C8300-1N1S-4T2X','C9300-24UX','C8000V'])[1 + g % 4],
        'FOC' || upper(substr(md5(g::text), 1, 8)),
        case when g % 3 <> 2 then 'rtr-' || g end,
        g % 3 = 0,
        (array['4400ISR','C8300','C9300','C8000V'])[1 + g % 4],
        'bench device',
        now() - make_interval(days => g % 400),
        now() - make_interval(mins => g % 10000),
        md5('uuid' || g)::uuid::text,
        'SEED'
      from generate_series(${from}::int, ${to}::int) g`);
  }
  await db.execute(sql`
    insert into alerts (smart_account_id, virtual_account_id, product_instance_id, type, severity, message, dedupe_key, raised_at)
    select ${BENCH_SA}::uuid, ${BENCH_VA}::uuid, id, 'REPORTING_OVERDUE', (array['MAJOR','MINOR','INFORMATIONAL']::alert_severity[])[1 + (row_number() over ()) % 3],
      'bench', 'bench|' || id, now()
    from product_instances where udi_sn like 'FOC0%' or udi_sn like 'FOC1%' or udi_sn like 'FOC2%' limit ${Math.ceil(n / 50)}`);
}

const USAGE_PER_PI = 5;

/** Deterministic id of bench license `g` (0-based). */
const defId = (g: ReturnType<typeof sql>) => sql`md5('bench-def-' || ${g})::uuid`;

/**
 * `definitions` license definitions, each with a term lot and a perpetual lot (and their ORDER
 * ledger rows) in the bench VA; every 20th is short of licenses. Open license alerts on some,
 * and a history of cleared alerts that the counters must skip.
 */
export async function fillLicenses(db: Db, definitions: number): Promise<void> {
  const g = sql.raw("g");
  await db.execute(sql`
    insert into license_definitions (id, entitlement_tag, short_tag, display_name, description, enforcement, duration, billing)
    select ${defId(g)}, 'regid.2024-01.com.cisco.BENCH_' || g || ',1.0_' || ${defId(g)}::text, 'BENCH_' || g,
      'Bench License ' || lpad(g::text, 5, '0'), 'bench', 'UNENFORCED',
      (case when g % 3 = 0 then 'SUBSCRIPTION' else 'PERPETUAL' end)::license_duration, 'PREPAID'
    from generate_series(0, ${definitions - 1}::int) g`);
  await db.execute(sql`
    insert into license_lots (virtual_account_id, license_definition_id, quantity, license_type, start_date, end_date, source, source_ref, sku)
    select ${BENCH_VA}::uuid, ${defId(g)}, case when g % 20 = 0 then 100 else 700 end, kind::lot_license_type,
      current_date - 30, case when kind = 'TERM' then current_date + 30 + (g * 7) % 700 end, 'ORDER', 'bench-' || g, 'BENCH-SKU-' || g
    from generate_series(0, ${definitions - 1}::int) g cross join (values ('TERM'), ('PERPETUAL')) k(kind)`);
  await db.execute(sql`
    insert into license_transactions (smart_account_id, virtual_account_id, license_definition_id, lot_id, delta, type, order_number, sku, occurred_at)
    select ${BENCH_SA}::uuid, virtual_account_id, license_definition_id, id, quantity, 'ORDER', source_ref, sku, now() - interval '30 days'
    from license_lots where virtual_account_id = ${BENCH_VA}`);
  await db.execute(sql`
    insert into alerts (smart_account_id, virtual_account_id, license_definition_id, type, severity, message, dedupe_key, raised_at, action_due_at)
    select ${BENCH_SA}::uuid, ${BENCH_VA}::uuid, ${defId(g)},
      (case when g % 20 = 0 then 'INSUFFICIENT_LICENSES' else 'LICENSES_EXPIRING' end)::alert_type,
      (case when g % 20 = 0 then 'MAJOR' else 'MINOR' end)::alert_severity, 'bench', 'bench-lic|' || g, now(), now() + interval '20 days'
    from generate_series(0, ${definitions - 1}::int) g where g % 20 = 0 or g % 33 = 0`);
  await db.execute(sql`
    insert into alerts (smart_account_id, virtual_account_id, type, severity, message, dedupe_key, raised_at, cleared_at)
    select ${BENCH_SA}::uuid, ${BENCH_VA}::uuid, 'REPORTING_OVERDUE', 'MAJOR', 'bench', 'bench-old|' || g, now() - interval '90 days', now() - interval '60 days'
    from generate_series(1, 20000) g`);
}

/**
 * `USAGE_PER_PI` D-10 rows per PI, on distinct licenses spread over the catalogue; about 1 in 200
 * instances also holds a reservation (SLR, one more than reported) over its reported use.
 */
export async function fillUsage(db: Db, pis: number, definitions: number): Promise<void> {
  const chunk = 20_000;
  for (let from = 1; from <= pis; from += chunk) {
    await db.execute(sql`
      with pi as (select id, row_number() over (order by id) as n from product_instances where virtual_account_id = ${BENCH_VA})
      insert into license_usage (product_instance_id, license_definition_id, source, count, updated_at)
      select pi.id, md5('bench-def-' || ((pi.n * 7 + k * 211) % ${definitions}))::uuid, 'REPORTED', 1 + (pi.n + k) % 3, now()
      from pi cross join generate_series(0, ${USAGE_PER_PI - 1}::int) k
      where pi.n between ${from} and ${from + chunk - 1}`);
  }
  await db.execute(sql`
    insert into license_usage (product_instance_id, license_definition_id, source, count, updated_at)
    select product_instance_id, license_definition_id, 'SLR', count + 1, now() from license_usage
    where source = 'REPORTED' and abs(hashtext(product_instance_id::text)) % 200 = 0`);
}

export async function analyze(db: Db): Promise<void> {
  await db.execute(sql`analyze`);
}

export async function timed(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}

export function reportPercentiles(ctx: BenchContext, name: string, samples: number[]): void {
  ctx.report(`${name}_p50`, percentile(samples, 50), "ms", 2);
  ctx.report(`${name}_p95`, percentile(samples, 95), "ms", 2);
}

/** A 6-character substring from the middle of one serial (`FOC` + 8 hex digits). */
export async function serialNeedle(db: Db, count: number): Promise<string> {
  const rows = await queryRows<{ sn: string }>(db, sql`select udi_sn as sn from product_instances order by udi_sn offset ${Math.floor(count / 2)} limit 1`);
  return rows[0].sn.slice(3, 9);
}

/** S-15: page 50 of size 10 and a 6-character serial search, each next to the bare SQL for the same rows. */
export async function measureProductInstanceList(ctx: BenchContext, db: Db, requests: number, needle: string, prefix = "pi"): Promise<void> {
  const access = benchAccess();
  const pageFilter = piListSchema.parse({ va: BENCH_VA, page: 50, pageSize: 10 });
  const searchFilter = piListSchema.parse({ va: BENCH_VA, q: needle, pageSize: 10 });
  const { total } = await listProductInstances(db, access, searchFilter);
  ctx.note(`${prefix}: search "${needle}" matches ${total} row(s)`);
  const pattern = `%${escapeLike(needle)}%`;
  const figures: [string, number[]][] = [
    [`${prefix}_list_page50`, await timed(requests, () => listProductInstances(db, access, pageFilter))],
    [
      `${prefix}_list_page50_bare_sql`,
      await timed(requests, async () => {
        await db.execute(sql`select count(*) from product_instances where virtual_account_id = ${BENCH_VA}`);
        await db.execute(sql`select id, ${displayNameSql} as name, product_type, last_contact_at, reservation from product_instances
          where virtual_account_id = ${BENCH_VA} order by lower(${displayNameSql}), id limit 10 offset 490`);
      }),
    ],
    [`${prefix}_search_serial6`, await timed(requests, () => listProductInstances(db, access, searchFilter))],
    [
      `${prefix}_search_serial6_bare_sql`,
      await timed(requests, async () => {
        const where = sql`virtual_account_id = ${BENCH_VA} and ${searchTextSql} ilike ${pattern}`;
        await db.execute(sql`select count(*) from product_instances where ${where}`);
        await db.execute(sql`select id, ${displayNameSql} as name, product_type, last_contact_at, reservation from product_instances
          where ${where} order by lower(${displayNameSql}), id limit 10`);
      }),
    ],
  ];
  for (const [name, samples] of figures) reportPercentiles(ctx, name, samples);
}
