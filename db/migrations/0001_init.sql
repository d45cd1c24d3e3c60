CREATE TYPE "public"."actor_kind" AS ENUM('admin', 'partner_user', 'api_client', 'system', 'anonymous');--> statement-breakpoint
CREATE TYPE "public"."admin_role" AS ENUM('owner', 'admin', 'viewer');--> statement-breakpoint
CREATE TYPE "public"."invoice_owner" AS ENUM('partner', 'end_customer');--> statement-breakpoint
CREATE TYPE "public"."partner_org_status" AS ENUM('pending', 'approved');--> statement-breakpoint
CREATE TYPE "public"."partner_role" AS ENUM('viewer', 'maintainer', 'admin');--> statement-breakpoint
CREATE TYPE "public"."principal_kind" AS ENUM('admin', 'partner_user');--> statement-breakpoint
CREATE TYPE "public"."token_purpose" AS ENUM('invite', 'reset');--> statement-breakpoint
CREATE TABLE "activity" (
	"id" text PRIMARY KEY NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"actor_kind" "actor_kind" NOT NULL,
	"actor_id" text,
	"actor_label" text,
	"action" text NOT NULL,
	"target_kind" text,
	"target_id" text,
	"partner_org_id" text,
	"change" jsonb,
	"success" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admin_user" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"role" "admin_role" DEFAULT 'admin' NOT NULL,
	"password_hash" text,
	"session_version" integer DEFAULT 0 NOT NULL,
	"created" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"modified" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_client" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"secret_hash" text NOT NULL,
	"created_by" text,
	"created" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp (3) with time zone,
	"last_used_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "app_setting" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_org" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"logo" text,
	"zuora_account_id" text NOT NULL,
	"salesforce_account_id" text,
	"invoice_owner" "invoice_owner" NOT NULL,
	"status" "partner_org_status" DEFAULT 'approved' NOT NULL,
	"primary_contact_name" text,
	"primary_contact_email" text,
	"created" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"modified" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_user" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_org_id" text NOT NULL,
	"name" text,
	"first_name" text,
	"last_name" text,
	"email" text NOT NULL,
	"phone" text,
	"role" "partner_role" DEFAULT 'viewer' NOT NULL,
	"password_hash" text,
	"session_version" integer DEFAULT 0 NOT NULL,
	"last_sign_in_at" timestamp (3) with time zone,
	"created" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"modified" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limit" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"window_start" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_token" (
	"id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"purpose" "token_purpose" NOT NULL,
	"principal_kind" "principal_kind" NOT NULL,
	"principal_id" text NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"used_at" timestamp (3) with time zone,
	"revoked_at" timestamp (3) with time zone,
	"created" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "partner_user" ADD CONSTRAINT "partner_user_partner_org_id_partner_org_id_fk" FOREIGN KEY ("partner_org_id") REFERENCES "public"."partner_org"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_org_idx" ON "activity" USING btree ("partner_org_id","id");--> statement-breakpoint
CREATE INDEX "activity_actor_idx" ON "activity" USING btree ("actor_id","id");--> statement-breakpoint
CREATE INDEX "activity_action_idx" ON "activity" USING btree ("action","id");--> statement-breakpoint
CREATE UNIQUE INDEX "admin_user_email_lower_key" ON "admin_user" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "partner_org_name_trgm" ON "partner_org" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "partner_org_zuora_account_id_idx" ON "partner_org" USING btree ("zuora_account_id","id");--> statement-breakpoint
CREATE INDEX "partner_org_created_id_idx" ON "partner_org" USING btree ("created","id");--> statement-breakpoint
CREATE INDEX "partner_org_name_id_idx" ON "partner_org" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "partner_org_status_id_idx" ON "partner_org" USING btree ("status","id");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_user_email_lower_key" ON "partner_user" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "partner_user_org_id_idx" ON "partner_user" USING btree ("partner_org_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "user_token_hash_key" ON "user_token" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "user_token_principal_idx" ON "user_token" USING btree ("principal_kind","principal_id");