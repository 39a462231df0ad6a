ALTER TABLE "tasks" ADD COLUMN "office_level2_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "office_level3_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "office_ladder_level" smallint DEFAULT 0 NOT NULL;