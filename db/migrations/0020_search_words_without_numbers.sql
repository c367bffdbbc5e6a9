CREATE TEXT SEARCH CONFIGURATION "porthole_words" (COPY = simple);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION "porthole_words" DROP MAPPING FOR int, uint, float, sfloat, numword, numhword, hword_numpart, version;--> statement-breakpoint
DROP INDEX "search_entries_tsv_idx";--> statement-breakpoint
DROP INDEX "search_entries_text_trgm_idx";--> statement-breakpoint
ALTER TABLE "search_entries" drop column "tsv";--> statement-breakpoint
ALTER TABLE "search_entries" ADD COLUMN "tsv" "tsvector" GENERATED ALWAYS AS (to_tsvector('porthole_words', translate("text", '/.:@=\', '      '))) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "search_entries_tsv_idx" ON "search_entries" USING gin ("tsv") WITH (gin_pending_list_limit=1024);--> statement-breakpoint
CREATE INDEX "search_entries_text_trgm_idx" ON "search_entries" USING gin ("text" gin_trgm_ops) WITH (gin_pending_list_limit=1024);