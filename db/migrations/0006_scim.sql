ALTER TYPE "public"."actor_kind" ADD VALUE 'scim_token';--> statement-breakpoint
CREATE TABLE "scim_token" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_org_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"description" text,
	"hint" text NOT NULL,
	"created_by" text,
	"created" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp (3) with time zone,
	"last_used_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "partner_user" ADD COLUMN "suspended_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "partner_user" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "partner_user" ADD COLUMN "directory_user_name" text;--> statement-breakpoint
ALTER TABLE "scim_token" ADD CONSTRAINT "scim_token_partner_org_id_partner_org_id_fk" FOREIGN KEY ("partner_org_id") REFERENCES "public"."partner_org"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "scim_token_hash_key" ON "scim_token" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "scim_token_org_idx" ON "scim_token" USING btree ("partner_org_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_user_org_directory_user_name_key" ON "partner_user" USING btree ("partner_org_id",lower("directory_user_name")) WHERE "partner_user"."directory_user_name" is not null;--> statement-breakpoint
CREATE INDEX "partner_user_org_external_id_idx" ON "partner_user" USING btree ("partner_org_id","external_id") WHERE "partner_user"."external_id" is not null;