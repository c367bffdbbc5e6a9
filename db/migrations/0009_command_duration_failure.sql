ALTER TABLE "recording_commands" ADD COLUMN "duration" double precision;--> statement-breakpoint
ALTER TABLE "recording_commands" ADD COLUMN "failure_reason" text;