CREATE TABLE "sql_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"requester_id" uuid NOT NULL,
	"resource_id" uuid,
	"resource_name" text NOT NULL,
	"script" text NOT NULL,
	"statements" jsonb NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decider_id" uuid,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sql_settings" (
	"resource_id" uuid PRIMARY KEY NOT NULL,
	"policy" jsonb NOT NULL,
	"read_only" text DEFAULT 'auto' NOT NULL,
	"statement_timeout_ms" integer DEFAULT 60000 NOT NULL,
	"row_cap" integer DEFAULT 10000 NOT NULL,
	"recorded_rows" integer DEFAULT 100 NOT NULL,
	"column_masks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "sql_reviews" ADD CONSTRAINT "sql_reviews_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sql_reviews" ADD CONSTRAINT "sql_reviews_requester_id_users_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sql_reviews" ADD CONSTRAINT "sql_reviews_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sql_reviews" ADD CONSTRAINT "sql_reviews_decider_id_users_id_fk" FOREIGN KEY ("decider_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sql_settings" ADD CONSTRAINT "sql_settings_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sql_settings" ADD CONSTRAINT "sql_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sql_reviews_status_idx" ON "sql_reviews" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "sql_reviews_session_idx" ON "sql_reviews" USING btree ("session_id");