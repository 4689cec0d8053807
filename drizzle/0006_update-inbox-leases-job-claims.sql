CREATE TABLE "leases" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"acquired_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"update_id" bigint NOT NULL,
	"chat_key" bigint NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"available_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"claimed_by" text,
	"received_at" timestamp with time zone NOT NULL,
	"settled_at" timestamp with time zone,
	"handled_at" timestamp with time zone,
	"last_error" text,
	CONSTRAINT "updates_update_id_unique" UNIQUE("update_id")
);
--> statement-breakpoint
ALTER TABLE "job_runs" ADD COLUMN "status" text DEFAULT 'done' NOT NULL;--> statement-breakpoint
ALTER TABLE "job_runs" ADD COLUMN "claimed_by" text;--> statement-breakpoint
ALTER TABLE "job_runs" ADD COLUMN "lease_until" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "updates_unhandled_idx" ON "updates" USING btree ("update_id") WHERE "updates"."status" in ('pending', 'processing');--> statement-breakpoint
CREATE INDEX "updates_unhandled_chat_idx" ON "updates" USING btree ("chat_key","update_id") WHERE "updates"."status" in ('pending', 'processing');--> statement-breakpoint
CREATE INDEX "updates_handled_idx" ON "updates" USING btree ("handled_at") WHERE "updates"."status" in ('done', 'failed');