CREATE TYPE "public"."briefing_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TYPE "public"."stat_report_status" AS ENUM('draft', 'submitted', 'approved');--> statement-breakpoint
CREATE TABLE "briefings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"issue_no" integer NOT NULL,
	"issuer" text NOT NULL,
	"issued_on" text NOT NULL,
	"period_from" text NOT NULL,
	"period_to" text NOT NULL,
	"status" "briefing_status" DEFAULT 'draft' NOT NULL,
	"sections" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	"published_at" timestamp (3) with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stat_report_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"figures" jsonb NOT NULL,
	"reason" text,
	"by" uuid,
	"at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stat_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"month" text NOT NULL,
	"figures" jsonb NOT NULL,
	"note" text,
	"status" "stat_report_status" DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp (3) with time zone,
	"approved_at" timestamp (3) with time zone,
	"approved_by" uuid,
	"corrections" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "briefings" ADD CONSTRAINT "briefings_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefings" ADD CONSTRAINT "briefings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_report_revisions" ADD CONSTRAINT "stat_report_revisions_report_id_stat_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."stat_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_report_revisions" ADD CONSTRAINT "stat_report_revisions_by_users_id_fk" FOREIGN KEY ("by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_reports" ADD CONSTRAINT "stat_reports_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_reports" ADD CONSTRAINT "stat_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_reports" ADD CONSTRAINT "stat_reports_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "briefings_issue_key" ON "briefings" USING btree ("conference_id","year","issue_no");--> statement-breakpoint
CREATE UNIQUE INDEX "stat_report_revision_key" ON "stat_report_revisions" USING btree ("report_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "stat_reports_unit_month" ON "stat_reports" USING btree ("conference_id","unit_id","month");--> statement-breakpoint
CREATE INDEX "stat_reports_conference_id_month_status_index" ON "stat_reports" USING btree ("conference_id","month","status");