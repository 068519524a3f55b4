CREATE TABLE "license_in_use" (
	"virtual_account_id" uuid NOT NULL,
	"license_definition_id" uuid NOT NULL,
	"total" bigint NOT NULL,
	"usage_rows" integer NOT NULL,
	CONSTRAINT "license_in_use_virtual_account_id_license_definition_id_pk" PRIMARY KEY("virtual_account_id","license_definition_id")
);
--> statement-breakpoint
CREATE TABLE "license_usage_overlap" (
	"product_instance_id" uuid NOT NULL,
	"license_definition_id" uuid NOT NULL,
	"surplus" bigint NOT NULL,
	CONSTRAINT "license_usage_overlap_product_instance_id_license_definition_id_pk" PRIMARY KEY("product_instance_id","license_definition_id")
);
--> statement-breakpoint
ALTER TABLE "license_in_use" ADD CONSTRAINT "license_in_use_virtual_account_id_virtual_accounts_id_fk" FOREIGN KEY ("virtual_account_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_in_use" ADD CONSTRAINT "license_in_use_license_definition_id_license_definitions_id_fk" FOREIGN KEY ("license_definition_id") REFERENCES "public"."license_definitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_usage_overlap" ADD CONSTRAINT "license_usage_overlap_product_instance_id_product_instances_id_fk" FOREIGN KEY ("product_instance_id") REFERENCES "public"."product_instances"("id") ON DELETE cascade ON UPDATE no action;