ALTER TABLE "resources" ADD COLUMN "recording" text DEFAULT 'on' NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "is_automated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "is_recorded" boolean DEFAULT true NOT NULL;