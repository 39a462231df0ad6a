CREATE TYPE "public"."handoff_event_kind" AS ENUM('sent', 'received', 'answered', 'reconsideration_requested', 'procuratorate_requested', 'items_handed_over', 'escalated');--> statement-breakpoint
ALTER TYPE "public"."handoff_status" ADD VALUE 'reconsidering' BEFORE 'answered';--> statement-breakpoint
CREATE TABLE "clue_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"clue_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"media_type" text NOT NULL,
	"file_name" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_by_unit_id" uuid,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handoff_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "handoff_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"handoff_id" uuid NOT NULL,
	"kind" "handoff_event_kind" NOT NULL,
	"unit_id" uuid,
	"outcome" "handoff_outcome",
	"reason" text,
	"level" smallint,
	"clock_version" integer,
	"text" text,
	"at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "handoffs" ADD COLUMN "parent_handoff_id" uuid;--> statement-breakpoint
ALTER TABLE "handoffs" ADD COLUMN "sign_due_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "handoffs" ADD COLUMN "result_due_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "handoffs" ADD COLUMN "level1_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "handoffs" ADD COLUMN "level2_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "handoffs" ADD COLUMN "level3_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "handoffs" ADD COLUMN "provisional" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "handoffs" ADD COLUMN "clock_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "handoffs" ADD COLUMN "ladder_level" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "handoffs" ADD COLUMN "escalation_level" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "handoffs" ADD COLUMN "sign_reminded" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "handoffs" ADD COLUMN "next_check_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "handoffs" ADD COLUMN "reconsideration_requested_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "handoffs" ADD COLUMN "reconsideration_reason" text;--> statement-breakpoint
ALTER TABLE "handoffs" ADD COLUMN "appeal_due_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "handoffs" ADD COLUMN "supervision_requested_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "handoffs" ADD COLUMN "items_due_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "handoffs" ADD COLUMN "items_handed_over_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "handoffs" ADD COLUMN "items_note" text;--> statement-breakpoint
ALTER TABLE "handoffs" ADD COLUMN "items_reminded" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "clue_attachments" ADD CONSTRAINT "clue_attachments_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clue_attachments" ADD CONSTRAINT "clue_attachments_clue_id_clues_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."clues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clue_attachments" ADD CONSTRAINT "clue_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clue_attachments" ADD CONSTRAINT "clue_attachments_uploaded_by_unit_id_units_id_fk" FOREIGN KEY ("uploaded_by_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoff_events" ADD CONSTRAINT "handoff_events_handoff_id_handoffs_id_fk" FOREIGN KEY ("handoff_id") REFERENCES "public"."handoffs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoff_events" ADD CONSTRAINT "handoff_events_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clue_attachments_clue_id_created_at_index" ON "clue_attachments" USING btree ("clue_id","created_at");--> statement-breakpoint
CREATE INDEX "handoff_events_handoff_id_id_index" ON "handoff_events" USING btree ("handoff_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "handoff_escalated_once" ON "handoff_events" USING btree ("handoff_id","reason","level","clock_version") WHERE "handoff_events"."kind" = 'escalated';--> statement-breakpoint
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_parent_handoff_id_handoffs_id_fk" FOREIGN KEY ("parent_handoff_id") REFERENCES "public"."handoffs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "handoffs_one_supervision_request" ON "handoffs" USING btree ("parent_handoff_id") WHERE "handoffs"."parent_handoff_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "handoffs_next_check_idx" ON "handoffs" USING btree ("next_check_at") WHERE "handoffs"."next_check_at" IS NOT NULL;