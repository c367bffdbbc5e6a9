CREATE TABLE "recording_object_chunks" (
	"recording_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"t_start" double precision NOT NULL,
	"t_end" double precision NOT NULL,
	"event_count" integer NOT NULL,
	"raw_bytes" integer NOT NULL,
	"hash" text NOT NULL,
	"prev_hash" text NOT NULL,
	"stored_bytes" integer NOT NULL,
	CONSTRAINT "recording_object_chunks_recording_id_seq_pk" PRIMARY KEY("recording_id","seq")
);
--> statement-breakpoint
ALTER TABLE "recording_object_chunks" ADD CONSTRAINT "recording_object_chunks_recording_id_recordings_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recordings"("id") ON DELETE cascade ON UPDATE no action;