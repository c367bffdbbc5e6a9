ALTER TABLE "search_entries" drop column "tsv";--> statement-breakpoint
ALTER TABLE "search_entries" ADD COLUMN "tsv" "tsvector" GENERATED ALWAYS AS (to_tsvector('porthole_words', translate("text", '/.:@=\<>', '        '))) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "search_entries_tsv_idx" ON "search_entries" USING gin ("tsv") WITH (gin_pending_list_limit=1024);
