ALTER TABLE "resources" ADD COLUMN "settings" jsonb;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "target" jsonb;