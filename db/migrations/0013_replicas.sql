CREATE TABLE "replicas" (
	"id" uuid PRIMARY KEY NOT NULL,
	"internal_url" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "replica_id" uuid;