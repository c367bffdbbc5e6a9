CREATE TABLE "recording_share_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"share_id" uuid NOT NULL,
	"viewed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recording_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recording_id" uuid NOT NULL,
	"shared_by" uuid,
	"reviewer_id" uuid NOT NULL,
	"range_start" double precision,
	"range_end" double precision,
	"message" text DEFAULT '' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid
);
--> statement-breakpoint
ALTER TABLE "recording_share_views" ADD CONSTRAINT "recording_share_views_share_id_recording_shares_id_fk" FOREIGN KEY ("share_id") REFERENCES "public"."recording_shares"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording_shares" ADD CONSTRAINT "recording_shares_recording_id_recordings_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recordings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording_shares" ADD CONSTRAINT "recording_shares_shared_by_users_id_fk" FOREIGN KEY ("shared_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording_shares" ADD CONSTRAINT "recording_shares_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording_shares" ADD CONSTRAINT "recording_shares_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recording_share_views_share_idx" ON "recording_share_views" USING btree ("share_id","viewed_at");--> statement-breakpoint
CREATE INDEX "recording_shares_recording_idx" ON "recording_shares" USING btree ("recording_id","created_at");--> statement-breakpoint
CREATE INDEX "recording_shares_reviewer_idx" ON "recording_shares" USING btree ("reviewer_id","expires_at");