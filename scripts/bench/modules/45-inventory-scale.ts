import { availableParallelism, loadavg } from "node:os";
import { sql } from "drizzle-orm";
import { alertCountsByVa } from "@/lib/alerts/counters";
import { computeBalances } from "@/lib/licensing/balances";
import { listLicenseRows } from "@/lib/licensing/licenses";
import { envInt } from "../stats";
import type { BenchModule } from "../types";
import {
  analyze,
  BENCH_SA,
  BENCH_VA,
  benchAccess,
  fillAccounts,
  fillLicenses,
  fillProductInstances,
  fillUsage,
  measureProductInstanceList,
  openBenchDatabase,
  queryRows,
  reportPercentiles,
  serialNeedle,
  timed,
} from "../inventory-data";

const EXTRA_VAS = 9;

/**
 * Inventory at scale: ONE VA with 100,000 product instances, 1,000 license definitions with lots
 * and 500,000 license_usage rows. Times the real lib functions behind S-9 (Licenses tab) and the
 * S-6 counter bar / VA selector counters next to the bare SQL aggregate they rest on, and the
 * S-15 list on the same data.
 */
const inventoryScaleBench: BenchModule = {
  name: "inventory_scale",
  description: "p50/p95 of the S-9 Licenses aggregate, the S-6 alert counters and the S-15 list with 100,000 PIs, 1,000 licenses and 500,000 usage rows in one VA, vs bare SQL",
  async run(ctx) {
    const pis = envInt("BENCH_INV_PI_COUNT", 100_000);
    const definitions = envInt("BENCH_INV_LICENSES", 1_000);
    const requests = envInt("BENCH_INV_REQUESTS", 200);
    // The two reference lines scan every usage row (~0.5 s each): fewer samples keep the run short.
    const referenceRequests = Math.min(requests, 30);
    const cpus = availableParallelism();
    const h = await openBenchDatabase(ctx.backend, "inv");
    const { db } = h;
    try {
      const t0 = performance.now();
      await fillAccounts(db, EXTRA_VAS);
      await fillProductInstances(db, pis);
      await fillLicenses(db, definitions);
      await fillUsage(db, pis, definitions);
      await analyze(db);
      const [usage] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from license_usage`);
      ctx.note(`inventory_scale: filled ${pis} PIs, ${definitions} licenses, ${usage.n} usage rows in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${requests} requests per figure (${referenceRequests} for the full-scan reference lines)`);

      // Wall times on a shared machine follow its load; say what it was.
      ctx.note(`inventory_scale: load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on ${cpus} CPU(s) before timing`);
      const access = benchAccess();
      const rows = await listLicenseRows(db, access, BENCH_VA);
      ctx.note(`inventory_scale: the Licenses tab lists ${rows.length} rows, ${rows.filter((r) => r.balance < 0).length} short`);
      reportPercentiles(ctx, "licenses_tab", await timed(requests, () => listLicenseRows(db, access, BENCH_VA)));
      // The SQL the Licenses aggregate runs (lib/licensing/balances.ts), without the ORM and the row building.
      const lots = sql`select license_definition_id, sum(quantity), sum(pending_quantity) from license_lots
        where virtual_account_id = ${BENCH_VA} and status = 'ACTIVE' group by license_definition_id`;
      const kept = sql`select license_definition_id, total from license_in_use where virtual_account_id = ${BENCH_VA} and usage_rows > 0`;
      const substitutes = sql`select id, substitutes_for_id from license_definitions where substitutes_for_id is not null`;
      reportPercentiles(ctx, "licenses_aggregate", await timed(requests, () => computeBalances(db, [BENCH_VA])));
      reportPercentiles(
        ctx,
        "licenses_tab_bare_sql",
        await timed(requests, async () => {
          await db.execute(lots);
          await db.execute(kept);
          await db.execute(substitutes);
        }),
      );
      // Every query the Licenses tab runs (lib/licensing/licenses.ts), the aggregate's and the rows' columns.
      reportPercentiles(
        ctx,
        "licenses_tab_all_bare_sql",
        await timed(requests, async () => {
          await db.execute(sql`select * from virtual_accounts where id = ${BENCH_VA}`);
          await db.execute(lots);
          await db.execute(kept);
          await db.execute(substitutes);
          await db.execute(sql`select * from license_lots where virtual_account_id = ${BENCH_VA}`);
          await db.execute(sql`select * from license_definitions where id in (select license_definition_id from license_lots where virtual_account_id = ${BENCH_VA}
            union select license_definition_id from license_in_use where virtual_account_id = ${BENCH_VA} and usage_rows > 0)`);
          await db.execute(sql`select license_definition_id, type from alerts where virtual_account_id = ${BENCH_VA} and cleared_at is null
            and type in ('LICENSES_EXPIRING', 'LICENSES_EXPIRED')`);
          await db.execute(sql`select l.license_definition_id, t.name from license_tag_links l join license_tags t on t.id = l.tag_id
            where t.smart_account_id = ${BENCH_SA} order by t.name`);
          await db.execute(sql`select t.lot_id, v.name, t.memo, t.occurred_at, t.udi, t.type from license_transactions t
            left join virtual_accounts v on v.id = t.counterpart_va_id
            where t.virtual_account_id = ${BENCH_VA} and t.type in ('TRANSFER_IN', 'DEVICE_CONVERSION', 'DLC')`);
        }),
      );
      // In use summed from every usage row with the surplus of multi-source pairs taken back, as before
      // license_in_use kept it: for reference.
      const scanned = sql`select lu.license_definition_id, sum(lu.count) as total from license_usage lu
        join product_instances pi on pi.id = lu.product_instance_id where pi.virtual_account_id = ${BENCH_VA} group by lu.license_definition_id`;
      const overlap = sql`select o.license_definition_id, x.surplus
        from (select distinct product_instance_id, license_definition_id from license_usage where source <> 'REPORTED') o
        cross join lateral (select sum(u.count) - max(u.count) as surplus from license_usage u join product_instances p on p.id = u.product_instance_id
          where u.product_instance_id = o.product_instance_id and u.license_definition_id = o.license_definition_id and p.virtual_account_id = ${BENCH_VA}
          group by p.virtual_account_id having count(*) > 1) x`;
      reportPercentiles(
        ctx,
        "licenses_tab_fullscan_bare_sql",
        await timed(referenceRequests, async () => {
          await db.execute(lots);
          await db.execute(scanned);
          await db.execute(overlap);
        }),
      );
      // The in-use aggregate as it was written before: one group per instance and license.
      reportPercentiles(
        ctx,
        "licenses_inuse_per_instance_sql",
        await timed(referenceRequests, () =>
          db.execute(sql`select license_definition_id, sum(used) from (
              select lu.product_instance_id, lu.license_definition_id, max(lu.count) as used
              from license_usage lu join product_instances pi on pi.id = lu.product_instance_id
              where pi.virtual_account_id = ${BENCH_VA} group by lu.product_instance_id, lu.license_definition_id) per_pi
            group by license_definition_id`),
        ),
      );

      const [drift] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from (${kept}) k full join (
            select license_definition_id, sum(used) as total from (
              select lu.license_definition_id, max(lu.count) as used from license_usage lu join product_instances pi on pi.id = lu.product_instance_id
              where pi.virtual_account_id = ${BENCH_VA} group by lu.product_instance_id, lu.license_definition_id) per_pi
            group by license_definition_id) f using (license_definition_id)
          where k.total is distinct from f.total`,
      );
      ctx.note(`inventory_scale: license_in_use differs from D-10 computed from scratch on ${drift.n} license(s)`);

      const vaIds = (await queryRows<{ id: string }>(db, sql`select id from virtual_accounts where smart_account_id = ${BENCH_SA}`)).map((r) => r.id);
      reportPercentiles(ctx, "alert_counters", await timed(requests, () => alertCountsByVa(db, vaIds)));
      reportPercentiles(
        ctx,
        "alert_counters_bare_sql",
        await timed(requests, () =>
          db.execute(sql`select virtual_account_id, count(*) filter (where severity = 'MAJOR'), count(*) filter (where severity = 'MINOR')
            from alerts where cleared_at is null and dismissed_at is null and virtual_account_id in ${vaIds} group by virtual_account_id`),
        ),
      );

      await measureProductInstanceList(ctx, db, requests, await serialNeedle(db, pis), "inv_pi");
      ctx.note(`inventory_scale: load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} after timing`);
    } finally {
      await h.close();
    }
  },
};
export default inventoryScaleBench;
