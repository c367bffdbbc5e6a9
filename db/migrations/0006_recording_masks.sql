ALTER TABLE "recordings" ADD COLUMN "mask_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "mask_marks" jsonb;