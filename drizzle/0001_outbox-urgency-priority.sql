DROP INDEX "outbox_chat_idx";--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "not_before" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "not_before" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "urgency" text DEFAULT 'immediate' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "priority" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "outbox_chat_status_idx" ON "outbox" USING btree ("chat_id","status");