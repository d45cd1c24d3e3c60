CREATE TABLE "customer_org" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"zuora_account_id" text,
	"salesforce_account_id" text,
	"partner_org_id" text,
	"created" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"modified" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customer_org" ADD CONSTRAINT "customer_org_partner_org_id_partner_org_id_fk" FOREIGN KEY ("partner_org_id") REFERENCES "public"."partner_org"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_org_name_trgm" ON "customer_org" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customer_org_zuora_account_id_idx" ON "customer_org" USING btree ("zuora_account_id");--> statement-breakpoint
CREATE INDEX "customer_org_created_id_idx" ON "customer_org" USING btree ("created","id");--> statement-breakpoint
CREATE INDEX "customer_org_name_id_idx" ON "customer_org" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "customer_org_partner_id_idx" ON "customer_org" USING btree ("partner_org_id","id");--> statement-breakpoint
CREATE INDEX "customer_org_partner_created_id_idx" ON "customer_org" USING btree ("partner_org_id","created","id");--> statement-breakpoint
CREATE INDEX "customer_org_partner_name_id_idx" ON "customer_org" USING btree ("partner_org_id","name","id");--> statement-breakpoint
CREATE INDEX "customer_org_unowned_created_id_idx" ON "customer_org" USING btree ("created","id") WHERE "customer_org"."partner_org_id" is null;--> statement-breakpoint
CREATE INDEX "customer_org_unowned_name_id_idx" ON "customer_org" USING btree ("name","id") WHERE "customer_org"."partner_org_id" is null;--> statement-breakpoint
CREATE INDEX "activity_moved_from_idx" ON "activity" USING btree (("change" #>> '{before,partnerOrgId}'),"id") WHERE "activity"."action" in ('organisation.moved', 'partner_user.moved');