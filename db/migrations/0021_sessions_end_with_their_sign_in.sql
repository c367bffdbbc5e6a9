ALTER TABLE "sessions" ADD COLUMN "opened_with_token_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "sign_ins_ended_at" timestamp with time zone;