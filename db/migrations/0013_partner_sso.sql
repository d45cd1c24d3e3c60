CREATE TYPE "public"."sso_protocol" AS ENUM('oidc', 'saml');--> statement-breakpoint
CREATE TABLE "partner_domain" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_org_id" text NOT NULL,
	"domain" text NOT NULL,
	"verification_token" text NOT NULL,
	"verified_at" timestamp (3) with time zone,
	"verification_method" text,
	"last_checked_at" timestamp (3) with time zone,
	"created" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_domain_lower_check" CHECK ("partner_domain"."domain" = lower("partner_domain"."domain") and "partner_domain"."domain" not like '%.'),
	CONSTRAINT "partner_domain_verified_check" CHECK (("partner_domain"."verified_at" is null) = ("partner_domain"."verification_method" is null) and ("partner_domain"."verification_method" is null or "partner_domain"."verification_method" in ('dns', 'admin')))
);
--> statement-breakpoint
CREATE TABLE "partner_sso_connection" (
	"partner_org_id" text PRIMARY KEY NOT NULL,
	"protocol" "sso_protocol" NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"oidc_issuer" text,
	"oidc_client_id" text,
	"oidc_client_secret_sealed" text,
	"saml_idp_metadata" text,
	"saml_idp_entity_id" text,
	"saml_idp_sso_url" text,
	"saml_idp_certificates" text[],
	"require_sso" boolean DEFAULT false NOT NULL,
	"break_glass_user_id" text,
	"jit_enabled" boolean DEFAULT false NOT NULL,
	"jit_role" "partner_role" DEFAULT 'viewer' NOT NULL,
	"last_tested_at" timestamp (3) with time zone,
	"last_test_result" jsonb,
	"created" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"modified" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_sso_connection_protocol_check" CHECK (("partner_sso_connection"."protocol" = 'oidc' and "partner_sso_connection"."oidc_issuer" is not null and "partner_sso_connection"."oidc_client_id" is not null and "partner_sso_connection"."oidc_client_secret_sealed" is not null)
        or ("partner_sso_connection"."protocol" = 'saml' and "partner_sso_connection"."saml_idp_entity_id" is not null and "partner_sso_connection"."saml_idp_sso_url" is not null and cardinality("partner_sso_connection"."saml_idp_certificates") > 0))
);
--> statement-breakpoint
CREATE TABLE "sso_assertion_seen" (
	"partner_org_id" text NOT NULL,
	"assertion_id" text NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "sso_assertion_seen_partner_org_id_assertion_id_pk" PRIMARY KEY("partner_org_id","assertion_id")
);
--> statement-breakpoint
CREATE TABLE "sso_request" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_org_id" text NOT NULL,
	"protocol" "sso_protocol" NOT NULL,
	"purpose" text DEFAULT 'sign_in' NOT NULL,
	"code_verifier" text,
	"nonce" text,
	"initiated_by" text,
	"return_to" text,
	"created" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "sso_request_purpose_check" CHECK ("sso_request"."purpose" in ('sign_in', 'test'))
);
--> statement-breakpoint
CREATE TABLE "sso_ticket" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"partner_user_id" text NOT NULL,
	"protocol" "sso_protocol" NOT NULL,
	"return_to" text,
	"expires_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "partner_domain" ADD CONSTRAINT "partner_domain_partner_org_id_partner_org_id_fk" FOREIGN KEY ("partner_org_id") REFERENCES "public"."partner_org"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_sso_connection" ADD CONSTRAINT "partner_sso_connection_partner_org_id_partner_org_id_fk" FOREIGN KEY ("partner_org_id") REFERENCES "public"."partner_org"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_sso_connection" ADD CONSTRAINT "partner_sso_connection_break_glass_user_id_partner_user_id_fk" FOREIGN KEY ("break_glass_user_id") REFERENCES "public"."partner_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sso_assertion_seen" ADD CONSTRAINT "sso_assertion_seen_partner_org_id_partner_org_id_fk" FOREIGN KEY ("partner_org_id") REFERENCES "public"."partner_org"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sso_request" ADD CONSTRAINT "sso_request_partner_org_id_partner_org_id_fk" FOREIGN KEY ("partner_org_id") REFERENCES "public"."partner_org"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sso_ticket" ADD CONSTRAINT "sso_ticket_partner_user_id_partner_user_id_fk" FOREIGN KEY ("partner_user_id") REFERENCES "public"."partner_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "partner_domain_org_domain_key" ON "partner_domain" USING btree ("partner_org_id","domain");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_domain_verified_key" ON "partner_domain" USING btree ("domain") WHERE "partner_domain"."verified_at" is not null;--> statement-breakpoint
CREATE INDEX "sso_assertion_seen_expires_idx" ON "sso_assertion_seen" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "sso_request_expires_idx" ON "sso_request" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "sso_ticket_expires_idx" ON "sso_ticket" USING btree ("expires_at");