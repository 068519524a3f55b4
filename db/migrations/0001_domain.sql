CREATE TYPE "public"."account_status" AS ENUM('Active', 'Inactive');--> statement-breakpoint
CREATE TYPE "public"."account_type" AS ENUM('CUSTOMER', 'PARTNER', 'HOLDING');--> statement-breakpoint
CREATE TYPE "public"."oauth_grant" AS ENUM('client_credentials', 'password');--> statement-breakpoint
CREATE TYPE "public"."role_name" AS ENUM('SA_ADMIN', 'SA_USER', 'SA_VIEWER', 'VA_ADMIN', 'VA_USER', 'VA_VIEWER');--> statement-breakpoint
CREATE TYPE "public"."sign_in_channel" AS ENUM('FORM', 'API_PASSWORD');--> statement-breakpoint
CREATE TYPE "public"."alert_severity" AS ENUM('MAJOR', 'MINOR', 'INFORMATIONAL');--> statement-breakpoint
CREATE TYPE "public"."alert_type" AS ENUM('INSUFFICIENT_LICENSES', 'LICENSES_EXPIRING', 'LICENSES_EXPIRED', 'PI_FAILED_TO_CONNECT', 'REPORTING_OVERDUE', 'REPORTING_DUE_SOON', 'AUTHORIZATION_PENDING', 'ONPREM_SYNC_OVERDUE', 'ONPREM_EXPIRED', 'NEW_LICENSES', 'LICENSES_RESERVED');--> statement-breakpoint
CREATE TYPE "public"."billing" AS ENUM('PREPAID', 'USAGE');--> statement-breakpoint
CREATE TYPE "public"."enforcement" AS ENUM('UNENFORCED', 'ENFORCED', 'EXPORT_CONTROLLED');--> statement-breakpoint
CREATE TYPE "public"."license_duration" AS ENUM('PERPETUAL', 'SUBSCRIPTION');--> statement-breakpoint
CREATE TYPE "public"."conversion_line_status" AS ENUM('Converted', 'Failed');--> statement-breakpoint
CREATE TYPE "public"."conversion_method" AS ENUM('PAK_WIZARD', 'DEVICE_WIZARD', 'DLC', 'LRP');--> statement-breakpoint
CREATE TYPE "public"."conversion_source" AS ENUM('PAK', 'DEVICE');--> statement-breakpoint
CREATE TYPE "public"."conversion_status" AS ENUM('IN_PROGRESS', 'CONVERTED', 'FAILED');--> statement-breakpoint
CREATE TYPE "public"."connect_method" AS ENUM('PRODUCT_INSTANCE_INITIATED', 'CSLU_REST', 'CSLU_NETCONF', 'CSLU_RESTCONF');--> statement-breakpoint
CREATE TYPE "public"."device_report_status" AS ENUM('UNSENT', 'SENT', 'ACKED', 'ERROR');--> statement-breakpoint
CREATE TYPE "public"."workspace" AS ENUM('CSSM', 'CSLU', 'ONPREM', 'TRAD');--> statement-breakpoint
CREATE TYPE "public"."authorization_issued_via" AS ENUM('WIZARD', 'CSV', 'REQUEST_FILE', 'API', 'ON_PREM', 'CSLU');--> statement-breakpoint
CREATE TYPE "public"."authorization_kind" AS ENUM('SLAC', 'SLR', 'PLR');--> statement-breakpoint
CREATE TYPE "public"."authorization_status" AS ENUM('PENDING_CONFIRMATION', 'INSTALLED', 'RETURNED', 'SUPERSEDED');--> statement-breakpoint
CREATE TYPE "public"."pi_channel" AS ENUM('UPLOAD', 'API', 'CSLU', 'ON_PREM', 'DIRECT', 'SEED');--> statement-breakpoint
CREATE TYPE "public"."reservation_kind" AS ENUM('NONE', 'SLR', 'PLR');--> statement-breakpoint
CREATE TYPE "public"."trust_state" AS ENUM('NONE', 'INSTALLED');--> statement-breakpoint
CREATE TYPE "public"."trust_via" AS ENUM('ID_TOKEN', 'ACK');--> statement-breakpoint
CREATE TYPE "public"."usage_source" AS ENUM('REPORTED', 'SLR', 'PLR', 'SLAC');--> statement-breakpoint
CREATE TYPE "public"."license_transaction_type" AS ENUM('ORDER', 'PAK_CONVERSION', 'DEVICE_CONVERSION', 'DLC', 'TRANSFER_OUT', 'TRANSFER_IN', 'UPGRADE_IN', 'UPGRADE_OUT', 'EXPIRY', 'ADJUSTMENT');--> statement-breakpoint
CREATE TYPE "public"."lot_license_type" AS ENUM('PERPETUAL', 'TERM', 'SUBSCRIPTION', 'DEMO');--> statement-breakpoint
CREATE TYPE "public"."lot_source" AS ENUM('ORDER', 'PAK_CONVERSION', 'DEVICE_CONVERSION', 'DLC', 'TRANSFER', 'UPGRADE', 'ADJUSTMENT');--> statement-breakpoint
CREATE TYPE "public"."lot_status" AS ENUM('ACTIVE', 'EXPIRED', 'REPLACED');--> statement-breakpoint
CREATE TYPE "public"."local_account_status" AS ENUM('REQUESTED', 'APPROVED', 'REGISTERED', 'REJECTED', 'EXPIRED');--> statement-breakpoint
CREATE TYPE "public"."onprem_role" AS ENUM('SYSTEM_ADMIN', 'SYSTEM_OPERATOR', 'LOCAL_ACCOUNT_ADMIN', 'LOCAL_ACCOUNT_USER', 'LOCAL_ACCOUNT_VIEWER');--> statement-breakpoint
CREATE TYPE "public"."onprem_server_status" AS ENUM('Registered', 'Expired', 'Removed');--> statement-breakpoint
CREATE TYPE "public"."registration_mode" AS ENUM('NETWORK', 'MANUAL');--> statement-breakpoint
CREATE TYPE "public"."sync_kind" AS ENUM('REGISTRATION', 'ACCOUNT_SYNC', 'USAGE_SYNC');--> statement-breakpoint
CREATE TYPE "public"."sync_mode" AS ENUM('NETWORK', 'FILE');--> statement-breakpoint
CREATE TYPE "public"."sync_status" AS ENUM('STARTED', 'WAITING_FOR_RESPONSE', 'COMPLETED', 'FAILED');--> statement-breakpoint
CREATE TYPE "public"."pak_type" AS ENUM('STANDARD', 'BULK', 'DEMO');--> statement-breakpoint
CREATE TYPE "public"."rehost_status" AS ENUM('PERMISSION_TICKET_ISSUED', 'REHOST_TICKET_RECEIVED', 'COMPLETED', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "public"."rma_status" AS ENUM('SUBMITTED', 'LICENSES_ISSUED', 'REJECTED');--> statement-breakpoint
CREATE TYPE "public"."trad_file_kind" AS ENUM('PAK', 'DEMO', 'RMA', 'REHOST', 'RESEND');--> statement-breakpoint
CREATE TYPE "public"."trad_license_kind" AS ENUM('PERPETUAL', 'TERM');--> statement-breakpoint
CREATE TYPE "public"."trad_line_status" AS ENUM('ACTIVE', 'REVOKED', 'REHOSTED', 'RMA_REPLACED', 'CONVERTED');--> statement-breakpoint
CREATE TYPE "public"."trad_line_type" AS ENUM('PERMANENT', 'EVALUATION', 'EXTENSION', 'GRACE', 'SUBSCRIPTION');--> statement-breakpoint
CREATE TYPE "public"."poll_action" AS ENUM('authorizations', 'acknowledgements');--> statement-breakpoint
CREATE TYPE "public"."poll_status" AS ENUM('OK_POLL', 'COMPLETE');--> statement-breakpoint
CREATE TYPE "public"."report_channel" AS ENUM('UPLOAD', 'CSLU', 'ON_PREM', 'API', 'DIRECT');--> statement-breakpoint
CREATE TYPE "public"."rum_status" AS ENUM('ACK', 'DROPPED', 'ERROR');--> statement-breakpoint
CREATE TYPE "public"."signature_status" AS ENUM('VERIFIED', 'IGNORED', 'FAILED');--> statement-breakpoint
CREATE TYPE "public"."usage_container" AS ENUM('XML', 'TAR', 'TGZ');--> statement-breakpoint
CREATE TYPE "public"."usage_file_kind" AS ENUM('RUM', 'SLAC_REQUEST', 'SLAC_RETURN', 'MIXED');--> statement-breakpoint
CREATE TYPE "public"."usage_file_status" AS ENUM('AWAITING_VA', 'PROCESSING', 'NO_ERRORS', 'ERRORS');--> statement-breakpoint
CREATE TABLE "api_clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" text NOT NULL,
	"client_secret_hash" text NOT NULL,
	"name" text NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"smart_account_id" uuid,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_clients_client_id_unique" UNIQUE("client_id")
);
--> statement-breakpoint
CREATE TABLE "oauth_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"client_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"grant" "oauth_grant" NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "oauth_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"smart_account_id" uuid NOT NULL,
	"virtual_account_id" uuid,
	"role" "role_name" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_assignments_scope" CHECK (("role_assignments"."role" in ('SA_ADMIN','SA_USER','SA_VIEWER') and "role_assignments"."virtual_account_id" is null)
        or ("role_assignments"."role" in ('VA_ADMIN','VA_USER','VA_VIEWER') and "role_assignments"."virtual_account_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "sa_user_status" (
	"smart_account_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"disabled_at" timestamp with time zone NOT NULL,
	"disabled_by" uuid,
	CONSTRAINT "sa_user_status_smart_account_id_user_id_pk" PRIMARY KEY("smart_account_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" uuid,
	"client_address" text NOT NULL,
	"channel" "sign_in_channel" NOT NULL,
	"succeeded" boolean NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "smart_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" text NOT NULL,
	"name" text NOT NULL,
	"domain" "citext" NOT NULL,
	"account_type" "account_type" DEFAULT 'CUSTOMER' NOT NULL,
	"status" "account_status" DEFAULT 'Active' NOT NULL,
	"export_controlled_allowed" boolean DEFAULT true NOT NULL,
	"reservation_enabled" boolean DEFAULT false NOT NULL,
	"plr_enabled" boolean DEFAULT false NOT NULL,
	"auto_conversion" boolean DEFAULT false NOT NULL,
	"policy_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "smart_accounts_account_id_unique" UNIQUE("account_id"),
	CONSTRAINT "smart_accounts_name_unique" UNIQUE("name"),
	CONSTRAINT "smart_accounts_domain_unique" UNIQUE("domain"),
	CONSTRAINT "smart_accounts_account_id_digits" CHECK ("smart_accounts"."account_id" ~ '^[0-9]{6,9}$')
);
--> statement-breakpoint
CREATE TABLE "user_preferences" (
	"user_id" uuid NOT NULL,
	"smart_account_id" uuid,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"notify" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"hide_alerts" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" "citext" NOT NULL,
	"cco_id" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text,
	"licensing_ops" boolean DEFAULT false NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_cco_id_unique" UNIQUE("cco_id")
);
--> statement-breakpoint
CREATE TABLE "virtual_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"smart_account_id" uuid NOT NULL,
	"va_numeric_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"policy_id" uuid,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "virtual_accounts_va_numeric_id_unique" UNIQUE("va_numeric_id"),
	CONSTRAINT "virtual_accounts_name_length" CHECK (char_length("virtual_accounts"."name") between 1 and 80),
	CONSTRAINT "virtual_accounts_description_length" CHECK (char_length("virtual_accounts"."description") <= 255)
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"smart_account_id" uuid NOT NULL,
	"virtual_account_id" uuid,
	"product_instance_id" uuid,
	"license_definition_id" uuid,
	"on_prem_account_id" uuid,
	"type" "alert_type" NOT NULL,
	"severity" "alert_severity" NOT NULL,
	"message" text NOT NULL,
	"action_due_at" timestamp with time zone,
	"dedupe_key" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"cleared_at" timestamp with time zone,
	"dismissed_at" timestamp with time zone,
	"dismissed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "hsec_map" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pid_pattern" text NOT NULL,
	"license_definition_id" uuid NOT NULL,
	"upgrade_target_id" uuid,
	CONSTRAINT "hsec_map_pid_pattern_unique" UNIQUE("pid_pattern")
);
--> statement-breakpoint
CREATE TABLE "license_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entitlement_tag" text NOT NULL,
	"short_tag" text NOT NULL,
	"display_name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"feature_name" text,
	"enforcement" "enforcement" NOT NULL,
	"duration" "license_duration" NOT NULL,
	"billing" "billing" DEFAULT 'PREPAID' NOT NULL,
	"tier_label" text,
	"product_families" text[] DEFAULT '{}' NOT NULL,
	"substitutes_for_id" uuid,
	"is_plr" boolean DEFAULT false NOT NULL,
	"reporting_only" boolean DEFAULT false NOT NULL,
	"upgrade_to_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "license_definitions_entitlement_tag_unique" UNIQUE("entitlement_tag")
);
--> statement-breakpoint
CREATE TABLE "license_tag_links" (
	"tag_id" uuid NOT NULL,
	"license_definition_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "license_tags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"smart_account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_map" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pid_pattern" text NOT NULL,
	"product_type" text NOT NULL,
	"product_description" text DEFAULT '' NOT NULL,
	"product_family" text DEFAULT '' NOT NULL,
	"software_tag" text,
	CONSTRAINT "product_map_pid_pattern_unique" UNIQUE("pid_pattern")
);
--> statement-breakpoint
CREATE TABLE "sku_map" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sku" text NOT NULL,
	"product_family" text DEFAULT '' NOT NULL,
	"feature_name" text NOT NULL,
	"feature_version" text DEFAULT '1.0' NOT NULL,
	"license_definition_id" uuid,
	"eval_allowed" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conversion_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversion_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"product_family" text DEFAULT '' NOT NULL,
	"quantity" integer NOT NULL,
	"type" text NOT NULL,
	"status" "conversion_line_status" NOT NULL,
	"license_definition_id" uuid,
	"conversion_string" text,
	"udi_pid" text,
	"udi_sn" text,
	"message" text,
	CONSTRAINT "conversion_lines_quantity_nonneg" CHECK ("conversion_lines"."quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "conversions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"smart_account_id" uuid NOT NULL,
	"virtual_account_id" uuid NOT NULL,
	"source" "conversion_source" NOT NULL,
	"method" "conversion_method" NOT NULL,
	"pak" text,
	"udi_pid" text,
	"udi_sn" text,
	"product_family" text,
	"status" "conversion_status" NOT NULL,
	"initiated_by" uuid,
	"initiated_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cslu_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"udi_pid" text NOT NULL,
	"udi_sn" text NOT NULL,
	"kind" text NOT NULL,
	"content" "bytea" NOT NULL,
	"meta" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cslu_installation" (
	"id" text PRIMARY KEY DEFAULT 'default' NOT NULL,
	"cisco_connectivity" boolean DEFAULT false NOT NULL,
	"cisco_user_id" uuid,
	"sa_name" text,
	"va_name" text,
	"validate_device" boolean DEFAULT false NOT NULL,
	"default_connect_method" "connect_method" DEFAULT 'PRODUCT_INSTANCE_INITIATED' NOT NULL,
	"service_port" integer DEFAULT 8182 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cslu_product_instances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"host" text,
	"connect_method" "connect_method" NOT NULL,
	"username" text,
	"password_enc" "bytea",
	"udi_pid" text,
	"udi_sn" text,
	"hostname" text,
	"last_contact_at" timestamp with time zone,
	"alert_text" text,
	"dlc_status" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cslu_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_instance_id" uuid NOT NULL,
	"report_id" bigint NOT NULL,
	"envelope" text NOT NULL,
	"status" "device_report_status" DEFAULT 'UNSENT' NOT NULL,
	"export_batch" text,
	"ack_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"smart_account_id" uuid,
	"virtual_account_id" uuid,
	"va_ids" uuid[] DEFAULT '{}' NOT NULL,
	"product_instance_id" uuid,
	"license_definition_id" uuid,
	"conversion_id" uuid,
	"workspace" "workspace" DEFAULT 'CSSM' NOT NULL,
	"type" text NOT NULL,
	"category" text NOT NULL,
	"message" text NOT NULL,
	"user_id" uuid,
	"actor_label" text DEFAULT '' NOT NULL,
	"shown_in" text[] DEFAULT '{}' NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "authorization_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authorization_id" uuid NOT NULL,
	"license_definition_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"expires" date,
	CONSTRAINT "authorization_lines_quantity_positive" CHECK ("authorization_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "authorizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_instance_id" uuid NOT NULL,
	"kind" "authorization_kind" NOT NULL,
	"status" "authorization_status" NOT NULL,
	"piid" uuid NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"request_code" text,
	"code_text" text,
	"plr_version" smallint,
	"confirmation_code" char(8),
	"confirmed_at" timestamp with time zone,
	"return_code" text,
	"returned_at" timestamp with time zone,
	"supersedes_id" uuid,
	"issued_via" "authorization_issued_via" DEFAULT 'WIZARD' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "license_usage" (
	"product_instance_id" uuid NOT NULL,
	"license_definition_id" uuid NOT NULL,
	"source" "usage_source" NOT NULL,
	"count" integer NOT NULL,
	"last_report_id" bigint,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "license_usage_product_instance_id_license_definition_id_source_pk" PRIMARY KEY("product_instance_id","license_definition_id","source"),
	CONSTRAINT "license_usage_count_nonneg" CHECK ("license_usage"."count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "product_instances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"virtual_account_id" uuid NOT NULL,
	"smart_account_id" uuid NOT NULL,
	"udi_pid" text NOT NULL,
	"udi_sn" text NOT NULL,
	"udi_vid" text,
	"hostname" text,
	"hostname_shared" boolean DEFAULT false NOT NULL,
	"product_type" text DEFAULT '' NOT NULL,
	"product_description" text DEFAULT '' NOT NULL,
	"software_tag" text,
	"software_version" text,
	"host_identifier" text,
	"mac_address" text,
	"uuid" text,
	"registration_date" timestamp with time zone NOT NULL,
	"last_contact_at" timestamp with time zone,
	"trust_state" "trust_state" DEFAULT 'NONE' NOT NULL,
	"trust_installed_at" timestamp with time zone,
	"reservation" "reservation_kind" DEFAULT 'NONE' NOT NULL,
	"export_controlled_allowed" boolean DEFAULT true NOT NULL,
	"utility_mode" boolean DEFAULT false NOT NULL,
	"ha_members" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"first_consumed_at" timestamp with time zone,
	"last_report_at" timestamp with time zone,
	"last_ack_at" timestamp with time zone,
	"next_report_due_at" timestamp with time zone,
	"channel" "pi_channel" DEFAULT 'UPLOAD' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"virtual_account_id" uuid NOT NULL,
	"token_uuid" uuid NOT NULL,
	"token_hash" "bytea" NOT NULL,
	"token_ciphertext" "bytea" NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"max_uses" integer,
	"uses" integer DEFAULT 0 NOT NULL,
	"export_controlled" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoke_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registration_tokens_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "registration_tokens_description_length" CHECK (char_length("registration_tokens"."description") <= 100),
	CONSTRAINT "registration_tokens_uses" CHECK ("registration_tokens"."uses" >= 0 and ("registration_tokens"."max_uses" is null or "registration_tokens"."uses" <= "registration_tokens"."max_uses")),
	CONSTRAINT "registration_tokens_max_uses" CHECK ("registration_tokens"."max_uses" is null or "registration_tokens"."max_uses" between 1 and 1000000)
);
--> statement-breakpoint
CREATE TABLE "trust_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_instance_id" uuid NOT NULL,
	"secret" "bytea" NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"via" "trust_via" NOT NULL,
	"token_id" uuid,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "license_lots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"virtual_account_id" uuid NOT NULL,
	"license_definition_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"expired_quantity" integer DEFAULT 0 NOT NULL,
	"license_type" "lot_license_type" NOT NULL,
	"start_date" date,
	"end_date" date,
	"subscription_id" text,
	"source" "lot_source" NOT NULL,
	"source_ref" text,
	"sku" text,
	"pending_quantity" integer DEFAULT 0 NOT NULL,
	"status" "lot_status" DEFAULT 'ACTIVE' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "license_lots_quantity_nonneg" CHECK ("license_lots"."quantity" >= 0),
	CONSTRAINT "license_lots_pending_nonneg" CHECK ("license_lots"."pending_quantity" >= 0),
	CONSTRAINT "license_lots_expired_nonneg" CHECK ("license_lots"."expired_quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "license_transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"smart_account_id" uuid NOT NULL,
	"virtual_account_id" uuid NOT NULL,
	"license_definition_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"delta" integer NOT NULL,
	"type" "license_transaction_type" NOT NULL,
	"transfer_group_id" uuid,
	"counterpart_va_id" uuid,
	"order_number" text,
	"sku" text,
	"pak" text,
	"udi" text,
	"memo" text,
	"user_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "license_transactions_delta_nonzero" CHECK ("license_transactions"."delta" <> 0 or "license_transactions"."type" = 'ORDER'),
	CONSTRAINT "license_transactions_memo_length" CHECK ("license_transactions"."memo" is null or char_length("license_transactions"."memo") <= 255)
);
--> statement-breakpoint
CREATE TABLE "order_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"license_definition_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"license_type" "lot_license_type" NOT NULL,
	"start_date" date,
	"end_date" date,
	"subscription_id" text,
	"pending_upgrade" boolean DEFAULT false NOT NULL,
	"lot_id" uuid,
	CONSTRAINT "order_lines_quantity_positive" CHECK ("order_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_number" text NOT NULL,
	"smart_account_id" uuid NOT NULL,
	"virtual_account_id" uuid NOT NULL,
	"order_date" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_order_number_unique" UNIQUE("order_number")
);
--> statement-breakpoint
CREATE TABLE "onprem_local_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"cisco_sa_name" text,
	"cisco_va_name" text,
	"notification_email" text,
	"status" "local_account_status" NOT NULL,
	"requested_by" uuid,
	"approved_by" uuid,
	"mapped_va_id" uuid,
	"registered_at" timestamp with time zone,
	"last_account_sync_at" timestamp with time zone,
	"last_usage_sync_at" timestamp with time zone,
	"registration_mode" "registration_mode",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "onprem_local_accounts_name_unique" UNIQUE("name"),
	CONSTRAINT "onprem_local_accounts_mapped_va_id_unique" UNIQUE("mapped_va_id")
);
--> statement-breakpoint
CREATE TABLE "onprem_local_vas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"local_account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"tenant_id" text NOT NULL,
	"mapped_cssm_va_id" uuid,
	CONSTRAINT "onprem_local_vas_tenant_id_unique" UNIQUE("tenant_id"),
	CONSTRAINT "onprem_local_vas_tenant_format" CHECK ("onprem_local_vas"."tenant_id" ~ '^[a-z0-9-]{3,64}$')
);
--> statement-breakpoint
CREATE TABLE "onprem_product_instances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"local_va_id" uuid NOT NULL,
	"host" text,
	"connect_method" "connect_method" NOT NULL,
	"username" text,
	"password_enc" "bytea",
	"udi_pid" text,
	"udi_sn" text,
	"hostname" text,
	"last_contact_at" timestamp with time zone,
	"alert_text" text,
	"dlc_status" text,
	"validated" boolean DEFAULT false NOT NULL,
	"behind_nat" boolean DEFAULT false NOT NULL,
	"mapped_sa_name" text,
	"mapped_va_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "onprem_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_instance_id" uuid NOT NULL,
	"report_id" bigint NOT NULL,
	"envelope" text NOT NULL,
	"status" "device_report_status" DEFAULT 'UNSENT' NOT NULL,
	"export_batch" text,
	"ack_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "onprem_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "onprem_role" NOT NULL,
	"local_account_id" uuid
);
--> statement-breakpoint
CREATE TABLE "onprem_server_accounts" (
	"server_id" uuid NOT NULL,
	"virtual_account_id" uuid NOT NULL,
	"local_account_id" uuid
);
--> statement-breakpoint
CREATE TABLE "onprem_servers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"smart_account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"version" text NOT NULL,
	"hostname" text,
	"is_builtin" boolean DEFAULT false NOT NULL,
	"status" "onprem_server_status" DEFAULT 'Registered' NOT NULL,
	"last_sync_at" timestamp with time zone,
	"sync_due_at" timestamp with time zone,
	"pending_response" "bytea",
	"pending_response_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "onprem_settings" (
	"id" text PRIMARY KEY DEFAULT 'default' NOT NULL,
	"validate_device" boolean DEFAULT false NOT NULL,
	"nat_support" boolean DEFAULT false NOT NULL,
	"proxy_host" text,
	"proxy_port" integer,
	"common_name" text DEFAULT 'onprem.example.com' NOT NULL,
	"ntp_servers" text,
	"cisco_sync_days" integer DEFAULT 1 NOT NULL,
	"cisco_sync_time" text DEFAULT '02:00' NOT NULL,
	"device_pull_days" integer DEFAULT 1 NOT NULL,
	"device_pull_time" text DEFAULT '03:00' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "onprem_sync_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"local_account_id" uuid NOT NULL,
	"kind" "sync_kind" NOT NULL,
	"mode" "sync_mode" NOT NULL,
	"status" "sync_status" NOT NULL,
	"request_file" "bytea",
	"response_file" "bytea",
	"started_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"message" text
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"is_cisco_default" boolean DEFAULT false NOT NULL,
	"ack_required" boolean,
	"exp_first" integer,
	"exp_freq" integer,
	"exp_change" integer,
	"enf_first" integer,
	"enf_freq" integer,
	"enf_change" integer,
	"unp_first" integer,
	"unp_freq" integer,
	"unp_change" integer,
	"uns_first" integer,
	"uns_freq" integer,
	"uns_change" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policies_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "policy_publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"smart_account_id" uuid NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" uuid
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"error" text,
	"progress" jsonb,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secret_fingerprint" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"fingerprint" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signing_keys" (
	"key_id" text PRIMARY KEY NOT NULL,
	"private_pem" "bytea" NOT NULL,
	"public_pem" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sim_devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"udi_pid" text NOT NULL,
	"udi_sn" text NOT NULL,
	"hostname" text,
	"software_version" text DEFAULT '17.9.1' NOT NULL,
	"software_tag" text,
	"licenses" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"utility_mode" boolean DEFAULT false NOT NULL,
	"trust_secret" "bytea",
	"next_report_id" bigint NOT NULL,
	"installed" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"host" text,
	"dlc" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pak_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pak_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"product_family" text DEFAULT '' NOT NULL,
	"allowed_pids" text[] DEFAULT '{}' NOT NULL,
	"feature_name" text NOT NULL,
	"feature_version" text DEFAULT '1.0' NOT NULL,
	"license_definition_id" uuid,
	"license_type" "trad_license_kind" DEFAULT 'PERPETUAL' NOT NULL,
	"term_end" date,
	"qty_ordered" integer NOT NULL,
	"qty_fulfilled" integer DEFAULT 0 NOT NULL,
	"qty_converted" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "pak_lines_quantities" CHECK ("pak_lines"."qty_fulfilled" >= 0 and "pak_lines"."qty_converted" >= 0 and "pak_lines"."qty_fulfilled" + "pak_lines"."qty_converted" <= "pak_lines"."qty_ordered")
);
--> statement-breakpoint
CREATE TABLE "paks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pak" text NOT NULL,
	"type" "pak_type" DEFAULT 'STANDARD' NOT NULL,
	"order_number" text,
	"order_date" date,
	"owner_user_id" uuid,
	"smart_account_id" uuid,
	"virtual_account_id" uuid,
	"partial_fulfillment" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "paks_pak_unique" UNIQUE("pak"),
	CONSTRAINT "paks_format" CHECK ("paks"."pak" ~ '^[A-Z0-9]{11}$')
);
--> statement-breakpoint
CREATE TABLE "rehost_transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_device_id" uuid NOT NULL,
	"dest_udi" text NOT NULL,
	"selected_line_ids" uuid[] DEFAULT '{}' NOT NULL,
	"permission_ticket" text,
	"rehost_ticket" text,
	"status" "rehost_status" NOT NULL,
	"grace_expires_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rma_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"failed_device_id" uuid NOT NULL,
	"replacement_udi" text NOT NULL,
	"rma_number" text,
	"status" "rma_status" NOT NULL,
	"file_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trad_devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"udi_pid" text NOT NULL,
	"udi_sn" text NOT NULL,
	"product_family" text DEFAULT '' NOT NULL,
	"owner_user_id" uuid,
	"smart_account_id" uuid,
	"virtual_account_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trad_license_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"device_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content" text NOT NULL,
	"kind" "trad_file_kind" NOT NULL,
	"emailed_to" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trad_license_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"device_id" uuid NOT NULL,
	"pak_line_id" uuid,
	"feature" text NOT NULL,
	"version" text DEFAULT '1.0' NOT NULL,
	"type" "trad_line_type" NOT NULL,
	"count" integer,
	"expires_at" timestamp with time zone,
	"line_text" text,
	"hash" text,
	"comment" text,
	"status" "trad_line_status" DEFAULT 'ACTIVE' NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by" uuid
);
--> statement-breakpoint
CREATE TABLE "user_paks" (
	"user_id" uuid NOT NULL,
	"pak_id" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "acks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"smart_account_id" uuid NOT NULL,
	"virtual_account_id" uuid,
	"usage_data_file_id" uuid,
	"channel" "report_channel" NOT NULL,
	"xml" text NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"delivered_to" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poll_jobs" (
	"poll_id" bigint PRIMARY KEY NOT NULL,
	"action" "poll_action" NOT NULL,
	"smart_account_id" uuid NOT NULL,
	"virtual_account_id" uuid,
	"request" jsonb NOT NULL,
	"status" "poll_status" NOT NULL,
	"result" jsonb,
	"ready_at" timestamp with time zone NOT NULL,
	"correlation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rum_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"smart_account_id" uuid NOT NULL,
	"virtual_account_id" uuid,
	"product_instance_id" uuid,
	"udi_pid" text NOT NULL,
	"udi_sn" text NOT NULL,
	"report_id" bigint NOT NULL,
	"entitlement_tag" text,
	"license_definition_id" uuid,
	"payload_version" text,
	"start_time" timestamp with time zone,
	"end_time" timestamp with time zone,
	"count" integer,
	"utility_enabled" boolean DEFAULT false NOT NULL,
	"software_version" text,
	"signature_status" "signature_status" NOT NULL,
	"status" "rum_status" NOT NULL,
	"message" text,
	"usage_data_file_id" uuid,
	"received_via" "report_channel" NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_data_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"smart_account_id" uuid NOT NULL,
	"virtual_account_id" uuid,
	"file_name" text NOT NULL,
	"container" "usage_container" NOT NULL,
	"kind" "usage_file_kind" DEFAULT 'RUM' NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"blob" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"reported_at" timestamp with time zone NOT NULL,
	"status" "usage_file_status" NOT NULL,
	"device_count" integer DEFAULT 0 NOT NULL,
	"ack_file_name" text,
	"ack_blob" "bytea",
	"ack_id" uuid,
	"processed_at" timestamp with time zone,
	"error_summary" jsonb,
	"channel" "report_channel" DEFAULT 'UPLOAD' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_file_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_id" uuid NOT NULL,
	"member_name" text NOT NULL,
	"manifest_va_name" text,
	"manifest_sa_name" text,
	"assigned_va_id" uuid,
	"report_count" integer DEFAULT 0 NOT NULL,
	"status" "usage_file_status" NOT NULL,
	"messages" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_tokens" ADD CONSTRAINT "oauth_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_virtual_account_id_virtual_accounts_id_fk" FOREIGN KEY ("virtual_account_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sa_user_status" ADD CONSTRAINT "sa_user_status_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sa_user_status" ADD CONSTRAINT "sa_user_status_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sa_user_status" ADD CONSTRAINT "sa_user_status_disabled_by_users_id_fk" FOREIGN KEY ("disabled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_in_attempts" ADD CONSTRAINT "sign_in_attempts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smart_accounts" ADD CONSTRAINT "smart_accounts_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_preferences" ADD CONSTRAINT "user_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_preferences" ADD CONSTRAINT "user_preferences_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "virtual_accounts" ADD CONSTRAINT "virtual_accounts_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "virtual_accounts" ADD CONSTRAINT "virtual_accounts_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_virtual_account_id_virtual_accounts_id_fk" FOREIGN KEY ("virtual_account_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_product_instance_id_product_instances_id_fk" FOREIGN KEY ("product_instance_id") REFERENCES "public"."product_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_license_definition_id_license_definitions_id_fk" FOREIGN KEY ("license_definition_id") REFERENCES "public"."license_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_on_prem_account_id_onprem_servers_id_fk" FOREIGN KEY ("on_prem_account_id") REFERENCES "public"."onprem_servers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_dismissed_by_users_id_fk" FOREIGN KEY ("dismissed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hsec_map" ADD CONSTRAINT "hsec_map_license_definition_id_license_definitions_id_fk" FOREIGN KEY ("license_definition_id") REFERENCES "public"."license_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hsec_map" ADD CONSTRAINT "hsec_map_upgrade_target_id_license_definitions_id_fk" FOREIGN KEY ("upgrade_target_id") REFERENCES "public"."license_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_definitions" ADD CONSTRAINT "license_definitions_substitutes_for_id_license_definitions_id_fk" FOREIGN KEY ("substitutes_for_id") REFERENCES "public"."license_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_definitions" ADD CONSTRAINT "license_definitions_upgrade_to_id_license_definitions_id_fk" FOREIGN KEY ("upgrade_to_id") REFERENCES "public"."license_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_tag_links" ADD CONSTRAINT "license_tag_links_tag_id_license_tags_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."license_tags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_tag_links" ADD CONSTRAINT "license_tag_links_license_definition_id_license_definitions_id_fk" FOREIGN KEY ("license_definition_id") REFERENCES "public"."license_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_tags" ADD CONSTRAINT "license_tags_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sku_map" ADD CONSTRAINT "sku_map_license_definition_id_license_definitions_id_fk" FOREIGN KEY ("license_definition_id") REFERENCES "public"."license_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversion_lines" ADD CONSTRAINT "conversion_lines_conversion_id_conversions_id_fk" FOREIGN KEY ("conversion_id") REFERENCES "public"."conversions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversion_lines" ADD CONSTRAINT "conversion_lines_license_definition_id_license_definitions_id_fk" FOREIGN KEY ("license_definition_id") REFERENCES "public"."license_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversions" ADD CONSTRAINT "conversions_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversions" ADD CONSTRAINT "conversions_virtual_account_id_virtual_accounts_id_fk" FOREIGN KEY ("virtual_account_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversions" ADD CONSTRAINT "conversions_initiated_by_users_id_fk" FOREIGN KEY ("initiated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cslu_installation" ADD CONSTRAINT "cslu_installation_cisco_user_id_users_id_fk" FOREIGN KEY ("cisco_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cslu_reports" ADD CONSTRAINT "cslu_reports_product_instance_id_cslu_product_instances_id_fk" FOREIGN KEY ("product_instance_id") REFERENCES "public"."cslu_product_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cslu_reports" ADD CONSTRAINT "cslu_reports_ack_id_acks_id_fk" FOREIGN KEY ("ack_id") REFERENCES "public"."acks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_virtual_account_id_virtual_accounts_id_fk" FOREIGN KEY ("virtual_account_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_product_instance_id_product_instances_id_fk" FOREIGN KEY ("product_instance_id") REFERENCES "public"."product_instances"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_license_definition_id_license_definitions_id_fk" FOREIGN KEY ("license_definition_id") REFERENCES "public"."license_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_conversion_id_conversions_id_fk" FOREIGN KEY ("conversion_id") REFERENCES "public"."conversions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authorization_lines" ADD CONSTRAINT "authorization_lines_authorization_id_authorizations_id_fk" FOREIGN KEY ("authorization_id") REFERENCES "public"."authorizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authorization_lines" ADD CONSTRAINT "authorization_lines_license_definition_id_license_definitions_id_fk" FOREIGN KEY ("license_definition_id") REFERENCES "public"."license_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authorizations" ADD CONSTRAINT "authorizations_product_instance_id_product_instances_id_fk" FOREIGN KEY ("product_instance_id") REFERENCES "public"."product_instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authorizations" ADD CONSTRAINT "authorizations_supersedes_id_authorizations_id_fk" FOREIGN KEY ("supersedes_id") REFERENCES "public"."authorizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_usage" ADD CONSTRAINT "license_usage_product_instance_id_product_instances_id_fk" FOREIGN KEY ("product_instance_id") REFERENCES "public"."product_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_usage" ADD CONSTRAINT "license_usage_license_definition_id_license_definitions_id_fk" FOREIGN KEY ("license_definition_id") REFERENCES "public"."license_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_instances" ADD CONSTRAINT "product_instances_virtual_account_id_virtual_accounts_id_fk" FOREIGN KEY ("virtual_account_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_instances" ADD CONSTRAINT "product_instances_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_tokens" ADD CONSTRAINT "registration_tokens_virtual_account_id_virtual_accounts_id_fk" FOREIGN KEY ("virtual_account_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_tokens" ADD CONSTRAINT "registration_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_tokens" ADD CONSTRAINT "registration_tokens_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trust_codes" ADD CONSTRAINT "trust_codes_product_instance_id_product_instances_id_fk" FOREIGN KEY ("product_instance_id") REFERENCES "public"."product_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trust_codes" ADD CONSTRAINT "trust_codes_token_id_registration_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."registration_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_lots" ADD CONSTRAINT "license_lots_virtual_account_id_virtual_accounts_id_fk" FOREIGN KEY ("virtual_account_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_lots" ADD CONSTRAINT "license_lots_license_definition_id_license_definitions_id_fk" FOREIGN KEY ("license_definition_id") REFERENCES "public"."license_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_transactions" ADD CONSTRAINT "license_transactions_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_transactions" ADD CONSTRAINT "license_transactions_virtual_account_id_virtual_accounts_id_fk" FOREIGN KEY ("virtual_account_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_transactions" ADD CONSTRAINT "license_transactions_license_definition_id_license_definitions_id_fk" FOREIGN KEY ("license_definition_id") REFERENCES "public"."license_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_transactions" ADD CONSTRAINT "license_transactions_lot_id_license_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."license_lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_transactions" ADD CONSTRAINT "license_transactions_counterpart_va_id_virtual_accounts_id_fk" FOREIGN KEY ("counterpart_va_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_transactions" ADD CONSTRAINT "license_transactions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_license_definition_id_license_definitions_id_fk" FOREIGN KEY ("license_definition_id") REFERENCES "public"."license_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_lot_id_license_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."license_lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_virtual_account_id_virtual_accounts_id_fk" FOREIGN KEY ("virtual_account_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onprem_local_accounts" ADD CONSTRAINT "onprem_local_accounts_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onprem_local_accounts" ADD CONSTRAINT "onprem_local_accounts_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onprem_local_accounts" ADD CONSTRAINT "onprem_local_accounts_mapped_va_id_virtual_accounts_id_fk" FOREIGN KEY ("mapped_va_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onprem_local_vas" ADD CONSTRAINT "onprem_local_vas_local_account_id_onprem_local_accounts_id_fk" FOREIGN KEY ("local_account_id") REFERENCES "public"."onprem_local_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onprem_local_vas" ADD CONSTRAINT "onprem_local_vas_mapped_cssm_va_id_virtual_accounts_id_fk" FOREIGN KEY ("mapped_cssm_va_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onprem_product_instances" ADD CONSTRAINT "onprem_product_instances_local_va_id_onprem_local_vas_id_fk" FOREIGN KEY ("local_va_id") REFERENCES "public"."onprem_local_vas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onprem_reports" ADD CONSTRAINT "onprem_reports_product_instance_id_onprem_product_instances_id_fk" FOREIGN KEY ("product_instance_id") REFERENCES "public"."onprem_product_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onprem_reports" ADD CONSTRAINT "onprem_reports_ack_id_acks_id_fk" FOREIGN KEY ("ack_id") REFERENCES "public"."acks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onprem_roles" ADD CONSTRAINT "onprem_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onprem_roles" ADD CONSTRAINT "onprem_roles_local_account_id_onprem_local_accounts_id_fk" FOREIGN KEY ("local_account_id") REFERENCES "public"."onprem_local_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onprem_server_accounts" ADD CONSTRAINT "onprem_server_accounts_server_id_onprem_servers_id_fk" FOREIGN KEY ("server_id") REFERENCES "public"."onprem_servers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onprem_server_accounts" ADD CONSTRAINT "onprem_server_accounts_virtual_account_id_virtual_accounts_id_fk" FOREIGN KEY ("virtual_account_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onprem_server_accounts" ADD CONSTRAINT "onprem_server_accounts_local_account_id_onprem_local_accounts_id_fk" FOREIGN KEY ("local_account_id") REFERENCES "public"."onprem_local_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onprem_servers" ADD CONSTRAINT "onprem_servers_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onprem_sync_records" ADD CONSTRAINT "onprem_sync_records_local_account_id_onprem_local_accounts_id_fk" FOREIGN KEY ("local_account_id") REFERENCES "public"."onprem_local_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_publications" ADD CONSTRAINT "policy_publications_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_publications" ADD CONSTRAINT "policy_publications_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_publications" ADD CONSTRAINT "policy_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pak_lines" ADD CONSTRAINT "pak_lines_pak_id_paks_id_fk" FOREIGN KEY ("pak_id") REFERENCES "public"."paks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pak_lines" ADD CONSTRAINT "pak_lines_license_definition_id_license_definitions_id_fk" FOREIGN KEY ("license_definition_id") REFERENCES "public"."license_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paks" ADD CONSTRAINT "paks_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paks" ADD CONSTRAINT "paks_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paks" ADD CONSTRAINT "paks_virtual_account_id_virtual_accounts_id_fk" FOREIGN KEY ("virtual_account_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rehost_transactions" ADD CONSTRAINT "rehost_transactions_source_device_id_trad_devices_id_fk" FOREIGN KEY ("source_device_id") REFERENCES "public"."trad_devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rehost_transactions" ADD CONSTRAINT "rehost_transactions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rma_requests" ADD CONSTRAINT "rma_requests_failed_device_id_trad_devices_id_fk" FOREIGN KEY ("failed_device_id") REFERENCES "public"."trad_devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rma_requests" ADD CONSTRAINT "rma_requests_file_id_trad_license_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."trad_license_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trad_devices" ADD CONSTRAINT "trad_devices_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trad_devices" ADD CONSTRAINT "trad_devices_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trad_devices" ADD CONSTRAINT "trad_devices_virtual_account_id_virtual_accounts_id_fk" FOREIGN KEY ("virtual_account_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trad_license_files" ADD CONSTRAINT "trad_license_files_device_id_trad_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."trad_devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trad_license_lines" ADD CONSTRAINT "trad_license_lines_device_id_trad_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."trad_devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trad_license_lines" ADD CONSTRAINT "trad_license_lines_pak_line_id_pak_lines_id_fk" FOREIGN KEY ("pak_line_id") REFERENCES "public"."pak_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trad_license_lines" ADD CONSTRAINT "trad_license_lines_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_paks" ADD CONSTRAINT "user_paks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_paks" ADD CONSTRAINT "user_paks_pak_id_paks_id_fk" FOREIGN KEY ("pak_id") REFERENCES "public"."paks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acks" ADD CONSTRAINT "acks_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acks" ADD CONSTRAINT "acks_virtual_account_id_virtual_accounts_id_fk" FOREIGN KEY ("virtual_account_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_jobs" ADD CONSTRAINT "poll_jobs_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_jobs" ADD CONSTRAINT "poll_jobs_virtual_account_id_virtual_accounts_id_fk" FOREIGN KEY ("virtual_account_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rum_reports" ADD CONSTRAINT "rum_reports_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rum_reports" ADD CONSTRAINT "rum_reports_virtual_account_id_virtual_accounts_id_fk" FOREIGN KEY ("virtual_account_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rum_reports" ADD CONSTRAINT "rum_reports_product_instance_id_product_instances_id_fk" FOREIGN KEY ("product_instance_id") REFERENCES "public"."product_instances"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rum_reports" ADD CONSTRAINT "rum_reports_license_definition_id_license_definitions_id_fk" FOREIGN KEY ("license_definition_id") REFERENCES "public"."license_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rum_reports" ADD CONSTRAINT "rum_reports_usage_data_file_id_usage_data_files_id_fk" FOREIGN KEY ("usage_data_file_id") REFERENCES "public"."usage_data_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_data_files" ADD CONSTRAINT "usage_data_files_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_data_files" ADD CONSTRAINT "usage_data_files_virtual_account_id_virtual_accounts_id_fk" FOREIGN KEY ("virtual_account_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_data_files" ADD CONSTRAINT "usage_data_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_data_files" ADD CONSTRAINT "usage_data_files_ack_id_acks_id_fk" FOREIGN KEY ("ack_id") REFERENCES "public"."acks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_file_members" ADD CONSTRAINT "usage_file_members_file_id_usage_data_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."usage_data_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_file_members" ADD CONSTRAINT "usage_file_members_assigned_va_id_virtual_accounts_id_fk" FOREIGN KEY ("assigned_va_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "role_assignments_user_sa_va" ON "role_assignments" USING btree ("user_id","smart_account_id","virtual_account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "role_assignments_one_sa_role" ON "role_assignments" USING btree ("user_id","smart_account_id") WHERE "role_assignments"."virtual_account_id" is null;--> statement-breakpoint
CREATE INDEX "role_assignments_sa_idx" ON "role_assignments" USING btree ("smart_account_id");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_user_idx" ON "sign_in_attempts" USING btree ("user_id","occurred_at");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_address_idx" ON "sign_in_attempts" USING btree ("client_address","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "user_preferences_user_sa" ON "user_preferences" USING btree ("user_id","smart_account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "virtual_accounts_name_per_sa" ON "virtual_accounts" USING btree ("smart_account_id",lower("name")) WHERE "virtual_accounts"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "virtual_accounts_one_default_per_sa" ON "virtual_accounts" USING btree ("smart_account_id") WHERE "virtual_accounts"."is_default" and "virtual_accounts"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_open_dedupe" ON "alerts" USING btree ("dedupe_key") WHERE "alerts"."cleared_at" is null;--> statement-breakpoint
CREATE INDEX "alerts_sa_open_idx" ON "alerts" USING btree ("smart_account_id") WHERE "alerts"."cleared_at" is null;--> statement-breakpoint
CREATE INDEX "alerts_va_open_idx" ON "alerts" USING btree ("virtual_account_id") WHERE "alerts"."cleared_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "license_tag_links_pk" ON "license_tag_links" USING btree ("tag_id","license_definition_id");--> statement-breakpoint
CREATE UNIQUE INDEX "license_tags_name_per_sa" ON "license_tags" USING btree ("smart_account_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "sku_map_sku_feature" ON "sku_map" USING btree ("sku","feature_name");--> statement-breakpoint
CREATE UNIQUE INDEX "conversion_lines_dlc_once" ON "conversion_lines" USING btree ("udi_pid","udi_sn","conversion_string") WHERE "conversion_lines"."conversion_string" is not null and "conversion_lines"."status" = 'Converted';--> statement-breakpoint
CREATE INDEX "events_sa_time_idx" ON "events" USING btree ("smart_account_id","occurred_at");--> statement-breakpoint
CREATE INDEX "events_va_time_idx" ON "events" USING btree ("virtual_account_id","occurred_at");--> statement-breakpoint
CREATE INDEX "events_va_ids_idx" ON "events" USING gin ("va_ids");--> statement-breakpoint
CREATE INDEX "events_pi_idx" ON "events" USING btree ("product_instance_id");--> statement-breakpoint
CREATE INDEX "events_license_idx" ON "events" USING btree ("license_definition_id");--> statement-breakpoint
CREATE INDEX "events_message_trgm" ON "events" USING gin ("message" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "authorizations_one_installed_slac" ON "authorizations" USING btree ("product_instance_id") WHERE "authorizations"."kind" = 'SLAC' and "authorizations"."status" = 'INSTALLED';--> statement-breakpoint
CREATE UNIQUE INDEX "authorizations_one_installed_reservation" ON "authorizations" USING btree ("product_instance_id") WHERE "authorizations"."kind" in ('SLR','PLR') and "authorizations"."status" = 'INSTALLED';--> statement-breakpoint
CREATE UNIQUE INDEX "authorizations_one_pending_update" ON "authorizations" USING btree ("product_instance_id") WHERE "authorizations"."status" = 'PENDING_CONFIRMATION';--> statement-breakpoint
CREATE INDEX "license_usage_license_idx" ON "license_usage" USING btree ("license_definition_id");--> statement-breakpoint
CREATE UNIQUE INDEX "product_instances_udi_unique" ON "product_instances" USING btree (lower("udi_pid"),lower("udi_sn"));--> statement-breakpoint
CREATE INDEX "product_instances_va_idx" ON "product_instances" USING btree ("virtual_account_id");--> statement-breakpoint
CREATE INDEX "product_instances_sa_idx" ON "product_instances" USING btree ("smart_account_id");--> statement-breakpoint
CREATE INDEX "registration_tokens_va_idx" ON "registration_tokens" USING btree ("virtual_account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "trust_codes_one_active" ON "trust_codes" USING btree ("product_instance_id") WHERE "trust_codes"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "license_lots_va_license_idx" ON "license_lots" USING btree ("virtual_account_id","license_definition_id");--> statement-breakpoint
CREATE INDEX "license_transactions_sa_time_idx" ON "license_transactions" USING btree ("smart_account_id","occurred_at");--> statement-breakpoint
CREATE INDEX "license_transactions_va_license_idx" ON "license_transactions" USING btree ("virtual_account_id","license_definition_id");--> statement-breakpoint
CREATE INDEX "license_transactions_lot_idx" ON "license_transactions" USING btree ("lot_id");--> statement-breakpoint
CREATE UNIQUE INDEX "onprem_roles_unique" ON "onprem_roles" USING btree ("user_id","role","local_account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "onprem_server_accounts_pk" ON "onprem_server_accounts" USING btree ("server_id","virtual_account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_publications_policy_sa" ON "policy_publications" USING btree ("policy_id","smart_account_id");--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("run_at") WHERE "jobs"."done_at" is null;--> statement-breakpoint
CREATE INDEX "jobs_dedupe_idx" ON "jobs" USING btree ("dedupe_key") WHERE "jobs"."done_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "trad_devices_udi" ON "trad_devices" USING btree (lower("udi_pid"),lower("udi_sn"));--> statement-breakpoint
CREATE UNIQUE INDEX "user_paks_pk" ON "user_paks" USING btree ("user_id","pak_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rum_reports_once_per_udi" ON "rum_reports" USING btree ("udi_pid","udi_sn","report_id") WHERE "rum_reports"."status" = 'ACK';--> statement-breakpoint
CREATE INDEX "rum_reports_pi_idx" ON "rum_reports" USING btree ("product_instance_id");--> statement-breakpoint
CREATE INDEX "rum_reports_file_idx" ON "rum_reports" USING btree ("usage_data_file_id");--> statement-breakpoint
CREATE INDEX "usage_data_files_sa_idx" ON "usage_data_files" USING btree ("smart_account_id","reported_at");