CREATE TYPE "public"."clue_category" AS ENUM('online', 'gathering', 'other');--> statement-breakpoint
CREATE TYPE "public"."clue_channel" AS ENUM('hotline', 'online', 'opinion_monitoring', 'petition', 'upper_level', 'other_unit');--> statement-breakpoint
CREATE TYPE "public"."clue_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TABLE "clue_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clue_id" uuid NOT NULL,
	"channel" "clue_channel" NOT NULL,
	"description" text NOT NULL,
	"reporter_sealed" text,
	"reporter_key_id" text,
	"received_by_unit_id" uuid,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"serial" text NOT NULL,
	"channel" "clue_channel" NOT NULL,
	"subject_name" text NOT NULL,
	"subject_credit_code" text,
	"subject_url" text,
	"subject_key" text NOT NULL,
	"township" text,
	"category" "clue_category" NOT NULL,
	"description" text NOT NULL,
	"participants" integer,
	"levels" integer,
	"amount_yuan" numeric(16, 2),
	"status" "clue_status" DEFAULT 'open' NOT NULL,
	"report_count" integer DEFAULT 1 NOT NULL,
	"owning_unit_id" uuid,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "clue_reports" ADD CONSTRAINT "clue_reports_clue_id_clues_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."clues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clue_reports" ADD CONSTRAINT "clue_reports_received_by_unit_id_units_id_fk" FOREIGN KEY ("received_by_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clues" ADD CONSTRAINT "clues_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clues" ADD CONSTRAINT "clues_owning_unit_id_units_id_fk" FOREIGN KEY ("owning_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clue_reports_clue_id_created_at_index" ON "clue_reports" USING btree ("clue_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "clues_serial_key" ON "clues" USING btree ("conference_id","serial");--> statement-breakpoint
CREATE UNIQUE INDEX "clues_one_open_per_subject" ON "clues" USING btree ("conference_id","subject_key") WHERE "clues"."status" = 'open';--> statement-breakpoint
CREATE INDEX "clues_owner_idx" ON "clues" USING btree ("conference_id","owning_unit_id","created_at");--> statement-breakpoint
CREATE INDEX "clues_recent_idx" ON "clues" USING btree ("conference_id","created_at");