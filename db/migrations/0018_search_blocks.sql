ALTER TABLE "recording_search_states" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "search_entries" ADD COLUMN "line_times" text;--> statement-breakpoint
ALTER TABLE "search_entries" ADD COLUMN "end_t" double precision;