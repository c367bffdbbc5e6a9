DROP INDEX "search_entries_tsv_idx";--> statement-breakpoint
DROP INDEX "search_entries_text_trgm_idx";--> statement-breakpoint
ALTER TABLE "search_entries" drop column "tsv";--> statement-breakpoint
ALTER TABLE "search_entries" ADD COLUMN "tsv" "tsvector" GENERATED ALWAYS AS (strip(to_tsvector('porthole_words', translate("text", '/.:@=\<>', '        ')))) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "search_entries_tsv_idx" ON "search_entries" USING gin ("tsv") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "search_entries_text_trgm_idx" ON "search_entries" USING gin ("text" gin_trgm_ops) WITH (fastupdate=false);