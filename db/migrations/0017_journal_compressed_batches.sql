ALTER TABLE "recording_frames" ADD COLUMN "compressed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Sealed chunks and journal batches are brotli-compressed already: stored out of line without
-- another (pglz) compression attempt, which cost the PostgreSQL store close to half its write rate.
ALTER TABLE "recording_chunks" ALTER COLUMN "data" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "recording_frames" ALTER COLUMN "data" SET STORAGE EXTERNAL;
