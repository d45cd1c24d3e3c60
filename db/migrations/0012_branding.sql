CREATE TABLE "logo_image" (
	"hash" text PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"data" "bytea" NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"created" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "partner_org" ADD COLUMN "logo_light_hash" text;--> statement-breakpoint
ALTER TABLE "partner_org" ADD COLUMN "logo_dark_hash" text;--> statement-breakpoint
ALTER TABLE "partner_org" ADD COLUMN "support_info" text;--> statement-breakpoint
ALTER TABLE "partner_org" ADD CONSTRAINT "partner_org_logo_light_hash_logo_image_hash_fk" FOREIGN KEY ("logo_light_hash") REFERENCES "public"."logo_image"("hash") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_org" ADD CONSTRAINT "partner_org_logo_dark_hash_logo_image_hash_fk" FOREIGN KEY ("logo_dark_hash") REFERENCES "public"."logo_image"("hash") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partner_org_logo_light_idx" ON "partner_org" USING btree ("logo_light_hash") WHERE "partner_org"."logo_light_hash" is not null;--> statement-breakpoint
CREATE INDEX "partner_org_logo_dark_idx" ON "partner_org" USING btree ("logo_dark_hash") WHERE "partner_org"."logo_dark_hash" is not null;