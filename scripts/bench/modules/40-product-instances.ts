import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { type DatabaseHandle, migrateDatabase, openPglite, openPostgres } from "@/db/client";
import type { AccessContext } from "@/lib/access/context";
import { displayNameSql, searchTextSql } from "@/lib/inventory/display-name";
import { escapeLike, listProductInstances } from "@/lib/inventory/list";
import { piListSchema } from "@/lib/inventory/schemas";
import { loadReferenceData } from "@/lib/seed/reference";
import { DEFAULT_BENCH_DATABASE_URL } from "../backends";
import { envInt, percentile } from "../stats";
import type { BenchContext, BenchModule } from "../types";

const SA = "0b5e7c1a-0000-4000-8000-000000000001";
const VA = "0b5e7c1a-0000-4000-8000-000000000002";

/** A fresh database of the module's own (in-memory PGlite, or a new PostgreSQL database), not the server's. */
async function openFresh(backend: string): Promise<DatabaseHandle> {
  if (backend === "pglite") return openPglite();
  const base = process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
  const name = `openssm_bench_pi_${randomBytes(4).toString("hex")}`;
  const admin = await openPostgres(base);
  await admin.db.execute(sql.raw(`create database ${name}`));
  await admin.close();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const inner = await openPostgres(url.toString());
  return {
    ...inner,
    close: async () => {
      await inner.close();
      const again = await openPostgres(base);
      await again.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await again.close();
    },
  };
}

/** One VA with `n` PIs written by plain SQL: a third with a shared hostname, 2% with an open alert. */
async function fill(h: DatabaseHandle, n: number): Promise<void> {
  const { db } = h;
  await db.execute(sql`insert into smart_accounts (id, account_id, name, domain) values (${SA}, '900001', 'Bench SA', 'bench.example.com')`);
  await db.execute(sql`insert into virtual_accounts (id, smart_account_id, va_numeric_id, name, is_default) values (${VA}, ${SA}, '900002', 'Bench VA', true)`);
  const chunk = 25_000;
  for (let from = 1; from <= n; from += chunk) {
    const to = Math.min(n, from + chunk - 1);
    await db.execute(sql`
      insert into product_instances (virtual_account_id, smart_account_id, udi_pid, udi_sn, hostname, hostname_shared,
        product_type, product_description, registration_date, last_contact_at, uuid, channel)
      select ${VA}::uuid, ${SA}::uuid,
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
    select ${SA}::uuid, ${VA}::uuid, id, 'REPORTING_OVERDUE', (array['MAJOR','MINOR','INFORMATIONAL']::alert_severity[])[1 + (row_number() over ()) % 3],
      'bench', 'bench|' || id, now()
    from product_instances where udi_sn like 'FOC0%' or udi_sn like 'FOC1%' or udi_sn like 'FOC2%' limit ${Math.ceil(n / 50)}`);
  await db.execute(sql`analyze`);
}

async function timed(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}

async function measure(ctx: BenchContext, h: DatabaseHandle, access: AccessContext, requests: number, needle: string, suffix: string) {
  const { db } = h;
  const pageFilter = piListSchema.parse({ va: VA, page: 50, pageSize: 10 });
  const searchFilter = piListSchema.parse({ va: VA, q: needle, pageSize: 10 });
  const figures: [string, number[]][] = [];

  figures.push([`pi_list_page50${suffix}`, await timed(requests, () => listProductInstances(db, access, pageFilter))]);
  figures.push([
    `pi_list_page50_bare_sql${suffix}`,
    await timed(requests, async () => {
      await db.execute(sql`select count(*) from product_instances where virtual_account_id = ${VA}`);
      await db.execute(sql`select id, ${displayNameSql} as name, product_type, last_contact_at, reservation from product_instances
        where virtual_account_id = ${VA} order by lower(${displayNameSql}), id limit 10 offset 490`);
    }),
  ]);
  figures.push([`pi_search_serial6${suffix}`, await timed(requests, () => listProductInstances(db, access, searchFilter))]);
  const pattern = `%${escapeLike(needle)}%`;
  figures.push([
    `pi_search_serial6_bare_sql${suffix}`,
    await timed(requests, async () => {
      const where = sql`virtual_account_id = ${VA} and ${searchTextSql} ilike ${pattern}`;
      await db.execute(sql`select count(*) from product_instances where ${where}`);
      await db.execute(sql`select id, ${displayNameSql} as name, product_type, last_contact_at, reservation from product_instances
        where ${where} order by lower(${displayNameSql}), id limit 10`);
    }),
  ]);
  for (const [name, samples] of figures) {
    ctx.report(`${name}_p50`, percentile(samples, 50), "ms", 2);
    ctx.report(`${name}_p95`, percentile(samples, 95), "ms", 2);
  }
}

/**
 * S-15 at scale: one VA with 100,000 product instances, filled by SQL in a fresh database of its
 * own. Times the list query function (page 50 of size 10, and a 6-character serial substring
 * search) next to the bare SQL for the same rows, with the indexes of migration 0002.
 */
const productInstancesBench: BenchModule = {
  name: "product_instances",
  description: "p50/p95 of the S-15 list query over 100,000 PIs in one VA (page 50; 6-char serial search), vs bare SQL",
  async run(ctx) {
    const count = envInt("BENCH_PI_COUNT", 100_000);
    const requests = envInt("BENCH_PI_REQUESTS", 200);
    const h = await openFresh(ctx.backend);
    try {
      await migrateDatabase(h);
      await loadReferenceData(h.db);
      const t0 = performance.now();
      await fill(h, count);
      ctx.note(`product_instances: filled ${count} PIs in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${requests} requests per figure`);
      const access: AccessContext = {
        user: { id: "00000000-0000-4000-8000-000000000000", email: "bench@example.com", ccoId: "bench", displayName: "Bench", licensingOps: false },
        saRoles: new Map([[SA, "SA_ADMIN"]]),
        vaRoles: new Map(),
        disabledIn: new Set(),
      };
      // A 6-character substring from the middle of one serial (`FOC` + 8 hex digits).
      const result = await h.db.execute(sql`select udi_sn as sn from product_instances order by udi_sn offset ${Math.floor(count / 2)} limit 1`);
      // postgres.js answers an array of rows, PGlite an object with `rows`.
      const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { sn: string }[];
      const needle = rows[0].sn.slice(3, 9);
      const { total } = await listProductInstances(h.db, access, piListSchema.parse({ va: VA, q: needle }));
      ctx.note(`product_instances: search "${needle}" matches ${total} row(s)`);
      await measure(ctx, h, access, requests, needle, "");
    } finally {
      await h.close();
    }
  },
};
export default productInstancesBench;
