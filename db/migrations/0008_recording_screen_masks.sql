CREATE TABLE "recording_screen_masks" (
	"recording_id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"masks" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "recording_screen_masks" ADD CONSTRAINT "recording_screen_masks_recording_id_recordings_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recordings"("id") ON DELETE cascade ON UPDATE no action;