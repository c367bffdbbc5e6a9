ALTER TABLE "sessions" ADD COLUMN "sign_in_ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ws_tickets" ADD COLUMN "opened_with_token_id" uuid;--> statement-breakpoint
ALTER TABLE "ws_tickets" ADD COLUMN "sign_in_ends_at" timestamp with time zone;