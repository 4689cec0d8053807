CREATE TABLE "application_supplements" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"requested_by" bigint,
	"note" text,
	"question_ids" jsonb NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"answered" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "officer_cards" (
	"application_id" integer NOT NULL,
	"chat_id" bigint NOT NULL,
	"message_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "officer_cards_application_id_chat_id_pk" PRIMARY KEY("application_id","chat_id")
);
--> statement-breakpoint
CREATE TABLE "officer_invites" (
	"code" text PRIMARY KEY NOT NULL,
	"created_by" bigint NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_by" bigint,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "applications_status_idx";--> statement-breakpoint
ALTER TABLE "fair_registrations" ALTER COLUMN "status" SET DEFAULT 'draft';--> statement-breakpoint
ALTER TABLE "application_history" ADD COLUMN "kind" text DEFAULT 'status' NOT NULL;--> statement-breakpoint
ALTER TABLE "application_history" ADD COLUMN "details" jsonb;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "accepted_amount" bigint;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "disbursed_amount" bigint;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "decided_by" bigint;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "status_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "calendar_events" ADD COLUMN "plan_year" integer;--> statement-breakpoint
ALTER TABLE "calendar_events" ADD COLUMN "program" text;--> statement-breakpoint
ALTER TABLE "calendar_events" ADD COLUMN "status" text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "calendar_events" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "calendar_events" ADD COLUMN "seed_key" text;--> statement-breakpoint
ALTER TABLE "fair_registrations" ADD COLUMN "owner_id" bigint;--> statement-breakpoint
ALTER TABLE "fair_registrations" ADD COLUMN "booths" integer;--> statement-breakpoint
ALTER TABLE "fair_registrations" ADD COLUMN "decided_by" bigint;--> statement-breakpoint
ALTER TABLE "fair_registrations" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "establishments" ADD COLUMN "tax_code_issued_on" text;--> statement-breakpoint
ALTER TABLE "establishments" ADD COLUMN "tax_code_issued_by" text;--> statement-breakpoint
ALTER TABLE "application_supplements" ADD CONSTRAINT "application_supplements_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officer_cards" ADD CONSTRAINT "officer_cards_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_supplements_application_idx" ON "application_supplements" USING btree ("application_id","status");--> statement-breakpoint
CREATE INDEX "applications_year_program_status_idx" ON "applications" USING btree ("plan_year","program","status");--> statement-breakpoint
CREATE INDEX "applications_submitted_idx" ON "applications" USING btree ("submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_events_seed_key_unique" ON "calendar_events" USING btree ("seed_key");--> statement-breakpoint
CREATE INDEX "establishments_commune_idx" ON "establishments" USING btree ("commune_code");--> statement-breakpoint
CREATE UNIQUE INDEX "establishments_tax_code_unique" ON "establishments" USING btree ("tax_code") WHERE "establishments"."tax_code" is not null and "establishments"."tax_code" <> '';--> statement-breakpoint
CREATE INDEX "applications_status_idx" ON "applications" USING btree ("status","status_changed_at");