-- S-15 sorts by the P-19 display name and searches it, hostname, PID, SN, product type and UUID
-- as case-insensitive substrings; lib/inventory/display-name.ts builds the same expression.
CREATE INDEX IF NOT EXISTS "product_instances_va_name_idx" ON "product_instances" ("virtual_account_id", lower((case when "hostname_shared" and coalesce("hostname", '') <> '' then "hostname" else 'UDI_PID:' || "udi_pid" || '; UDI_SN:' || "udi_sn" || ';' end)), "id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "product_instances_name_trgm" ON "product_instances" USING gin ((case when "hostname_shared" and coalesce("hostname", '') <> '' then "hostname" else 'UDI_PID:' || "udi_pid" || '; UDI_SN:' || "udi_sn" || ';' end) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "product_instances_hostname_trgm" ON "product_instances" USING gin ("hostname" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "product_instances_pid_trgm" ON "product_instances" USING gin ("udi_pid" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "product_instances_sn_trgm" ON "product_instances" USING gin ("udi_sn" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "product_instances_type_trgm" ON "product_instances" USING gin ("product_type" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "product_instances_uuid_trgm" ON "product_instances" USING gin ("uuid" gin_trgm_ops);
