CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "recording_search_states" (
	"recording_id" uuid PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"entry_count" integer DEFAULT 0 NOT NULL,
	"indexed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_entries" (
	"recording_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"t" double precision NOT NULL,
	"text" text NOT NULL,
	"failed" boolean DEFAULT false NOT NULL,
	"annotation_id" uuid,
	"tsv" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', translate("text", '/.:@=\', '      '))) STORED NOT NULL
);
--> statement-breakpoint
ALTER TABLE "recording_search_states" ADD CONSTRAINT "recording_search_states_recording_id_recordings_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recordings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_entries" ADD CONSTRAINT "search_entries_recording_id_recordings_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recordings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_entries" ADD CONSTRAINT "search_entries_annotation_id_annotations_id_fk" FOREIGN KEY ("annotation_id") REFERENCES "public"."annotations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_entries_recording_idx" ON "search_entries" USING btree ("recording_id","t");--> statement-breakpoint
CREATE INDEX "search_entries_tsv_idx" ON "search_entries" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "search_entries_text_trgm_idx" ON "search_entries" USING gin ("text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_entries_annotation_idx" ON "search_entries" USING btree ("annotation_id");