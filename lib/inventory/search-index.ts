import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

/**
 * Merges the rows waiting in the S-15 trigram index's pending list (fastupdate, migration 0006)
 * into the index after a bulk insert of product instances, so searches stay on the index. Best
 * effort, in a transaction (or savepoint) of its own: it needs the index's owner, and autovacuum
 * does the same later.
 */
export async function mergePendingSearchEntries(db: DbOrTx): Promise<void> {
  await db.transaction((tx) => tx.execute(sql`select gin_clean_pending_list('product_instances_search_trgm'::regclass)`)).catch(() => {});
}
