import { envInt } from "../stats";
import type { BenchModule } from "../types";
import { analyze, fillAccounts, fillProductInstances, measureProductInstanceList, openBenchDatabase, serialNeedle } from "../inventory-data";

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
    const h = await openBenchDatabase(ctx.backend, "pi");
    try {
      const t0 = performance.now();
      await fillAccounts(h.db);
      await fillProductInstances(h.db, count);
      await analyze(h.db);
      ctx.note(`product_instances: filled ${count} PIs in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${requests} requests per figure`);
      await measureProductInstanceList(ctx, h.db, requests, await serialNeedle(h.db, count));
    } finally {
      await h.close();
    }
  },
};
export default productInstancesBench;
