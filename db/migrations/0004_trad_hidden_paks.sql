CREATE TABLE "trad_hidden_paks" (
	"user_id" uuid NOT NULL,
	"pak_id" uuid NOT NULL,
	"hidden_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "trad_hidden_paks" ADD CONSTRAINT "trad_hidden_paks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trad_hidden_paks" ADD CONSTRAINT "trad_hidden_paks_pak_id_paks_id_fk" FOREIGN KEY ("pak_id") REFERENCES "public"."paks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "trad_hidden_paks_pk" ON "trad_hidden_paks" USING btree ("user_id","pak_id");