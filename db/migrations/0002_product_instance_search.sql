-- S-15 sorts by the P-19 display name and searches display name, hostname, PID, SN, product type
-- and UUID as case-insensitive substrings; lib/inventory/display-name.ts builds the same
-- expressions (displayNameSql, searchTextSql). One trigram index over the joined text keeps bulk
-- inserts cheap; fastupdate = off so bulk inserts leave no pending list that slows every search.
CREATE INDEX IF NOT EXISTS "product_instances_va_name_idx" ON "product_instances" ("virtual_account_id", lower((case when "hostname_shared" and coalesce("hostname", '') <> '' then "hostname" else 'UDI_PID:' || "udi_pid" || '; UDI_SN:' || "udi_sn" || ';' end)), "id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "product_instances_search_trgm" ON "product_instances" USING gin (((case when "hostname_shared" and coalesce("hostname", '') <> '' then "hostname" else 'UDI_PID:' || "udi_pid" || '; UDI_SN:' || "udi_sn" || ';' end) || ' ' || coalesce("hostname", '') || ' ' || "udi_pid" || ' ' || "udi_sn" || ' ' || "product_type" || ' ' || coalesce("uuid", '')) gin_trgm_ops) WITH (fastupdate = off);
