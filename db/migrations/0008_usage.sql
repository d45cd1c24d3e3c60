CREATE TYPE "public"."usage_aggregation" AS ENUM('sum', 'max');--> statement-breakpoint
CREATE TABLE "usage_block" (
	"customer_org_id" text NOT NULL,
	"level" smallint NOT NULL,
	"start" date NOT NULL,
	"metric_id" text NOT NULL,
	"partner_key" text NOT NULL,
	"total" numeric NOT NULL,
	"peak" numeric(18, 6) NOT NULL,
	CONSTRAINT "usage_block_pkey" PRIMARY KEY("customer_org_id","level","start","metric_id")
);
--> statement-breakpoint
CREATE TABLE "usage_daily" (
	"customer_org_id" text NOT NULL,
	"day" date NOT NULL,
	"metric_id" text NOT NULL,
	"total" numeric NOT NULL,
	"peak" numeric(18, 6) NOT NULL,
	"records" integer NOT NULL,
	CONSTRAINT "usage_daily_pkey" PRIMARY KEY("customer_org_id","day","metric_id")
);
--> statement-breakpoint
CREATE TABLE "usage_metric" (
	"id" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"aggregation" "usage_aggregation" NOT NULL,
	"created" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_metric_key_format" CHECK ("usage_metric"."key" ~ '^[a-z][a-z0-9_]{0,62}$')
);
--> statement-breakpoint
CREATE TABLE "usage_partner_daily" (
	"partner_key" text NOT NULL,
	"day" date NOT NULL,
	"metric_id" text NOT NULL,
	"total" numeric NOT NULL,
	"peak" numeric(18, 6) NOT NULL,
	"records" integer NOT NULL,
	CONSTRAINT "usage_partner_daily_pkey" PRIMARY KEY("partner_key","day","metric_id")
);
--> statement-breakpoint
CREATE TABLE "usage_record" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_org_id" text NOT NULL,
	"metric_id" text NOT NULL,
	"day" date NOT NULL,
	"quantity" numeric(18, 6) NOT NULL,
	"api_client_id" text,
	"received" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_record_quantity_nonnegative" CHECK ("usage_record"."quantity" >= 0)
);
--> statement-breakpoint
ALTER TABLE "usage_block" ADD CONSTRAINT "usage_block_customer_org_id_customer_org_id_fk" FOREIGN KEY ("customer_org_id") REFERENCES "public"."customer_org"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_daily" ADD CONSTRAINT "usage_daily_customer_org_id_customer_org_id_fk" FOREIGN KEY ("customer_org_id") REFERENCES "public"."customer_org"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_daily" ADD CONSTRAINT "usage_daily_metric_id_usage_metric_id_fk" FOREIGN KEY ("metric_id") REFERENCES "public"."usage_metric"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_record" ADD CONSTRAINT "usage_record_customer_org_id_customer_org_id_fk" FOREIGN KEY ("customer_org_id") REFERENCES "public"."customer_org"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "usage_block_partner_idx" ON "usage_block" USING btree ("partner_key","level","start");--> statement-breakpoint
CREATE INDEX "usage_daily_metric_day_idx" ON "usage_daily" USING btree ("metric_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "usage_metric_key_key" ON "usage_metric" USING btree ("key");--> statement-breakpoint
CREATE INDEX "usage_partner_daily_day_idx" ON "usage_partner_daily" USING btree ("day");--> statement-breakpoint
CREATE INDEX "usage_record_org_idx" ON "usage_record" USING btree ("customer_org_id");