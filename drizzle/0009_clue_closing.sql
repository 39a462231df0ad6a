ALTER TABLE "clues" ADD COLUMN "conclusion" text;--> statement-breakpoint
ALTER TABLE "clues" ADD COLUMN "closed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "clues" ADD COLUMN "closed_by" uuid;