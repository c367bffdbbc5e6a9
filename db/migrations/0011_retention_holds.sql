CREATE TABLE "legal_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope" text NOT NULL,
	"target_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"placed_by" uuid,
	"placed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lifted_by" uuid,
	"lifted_at" timestamp with time zone,
	"lift_reason" text
);
--> statement-breakpoint
CREATE TABLE "recording_tombstones" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid,
	"resource_id" uuid,
	"resource_name" text NOT NULL,
	"store" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"stored_bytes" bigint NOT NULL,
	"head_hash" text,
	"cause" text NOT NULL,
	"purged_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "recording_signatures" (
	"recording_id" uuid PRIMARY KEY NOT NULL,
	"key_id" text NOT NULL,
	"manifest" text NOT NULL,
	"signature" text NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signing_keys" (
	"key_id" text PRIMARY KEY NOT NULL,
	"public_key_pem" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "retention_days" integer;--> statement-breakpoint
ALTER TABLE "recording_commands" ADD COLUMN "row_count" integer;--> statement-breakpoint
ALTER TABLE "recording_commands" ADD COLUMN "error_code" text;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_placed_by_users_id_fk" FOREIGN KEY ("placed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_lifted_by_users_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording_signatures" ADD CONSTRAINT "recording_signatures_recording_id_recordings_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recordings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording_signatures" ADD CONSTRAINT "recording_signatures_key_id_signing_keys_key_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."signing_keys"("key_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "legal_holds_target_idx" ON "legal_holds" USING btree ("scope","target_id");--> statement-breakpoint
CREATE INDEX "recording_tombstones_purged_idx" ON "recording_tombstones" USING btree ("purged_at");--> statement-breakpoint
CREATE INDEX "recording_signatures_key_idx" ON "recording_signatures" USING btree ("key_id");