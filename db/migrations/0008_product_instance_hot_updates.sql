-- W-10 writes every product instance of a usage file twice: once when a chunk creates or updates
-- it, once when the last transaction sets last_ack_at and next_report_due_at. None of those columns
-- is indexed, so with free room on the page the second write is a HOT update that touches no index
-- (fillfactor 50 leaves that room; without it every update re-inserts into the trigram index).
-- The trigram index takes new rows into its pending list, which usage processing merges after each
-- chunk (gin_clean_pending_list), so searches never scan more than one chunk's pending rows.
ALTER TABLE "product_instances" SET (fillfactor = 50);
--> statement-breakpoint
ALTER INDEX "product_instances_search_trgm" SET (fastupdate = on);
