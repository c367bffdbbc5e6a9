DROP INDEX "search_entries_tsv_idx";--> statement-breakpoint
ALTER TABLE "search_entries" DROP COLUMN "tsv";--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION "porthole_words" (COPY = simple);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION "porthole_words" DROP MAPPING FOR int, uint, float, sfloat, numword, numhword, hword_numpart, version;--> statement-breakpoint
CREATE INDEX "search_entries_words_idx" ON "search_entries" USING gin (to_tsvector('porthole_words', translate("text", '/.:@=\', '      ')));
