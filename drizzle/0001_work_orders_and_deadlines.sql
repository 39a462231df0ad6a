CREATE TYPE "public"."case_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."assignment_role" AS ENUM('lead', 'assist');--> statement-breakpoint
CREATE TYPE "public"."escalation_reason" AS ENUM('unsigned', 'overdue', 'office_overdue');--> statement-breakpoint
CREATE TYPE "public"."extension_status" AS ENUM('pending', 'approved', 'denied');--> statement-breakpoint
CREATE TYPE "public"."priority" AS ENUM('normal', 'urgent');--> statement-breakpoint
CREATE TYPE "public"."task_status" AS ENUM('issued', 'accepted', 'returned', 'reported', 'closed', 'reassigned', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."work_order_status" AS ENUM('open', 'closed', 'withdrawn');--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"subject_type" text,
	"subject_id" text,
	"dedupe_key" text NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"read_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "supervision_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"level" smallint NOT NULL,
	"status" "case_status" DEFAULT 'open' NOT NULL,
	"opened_at" timestamp (3) with time zone NOT NULL,
	"closed_at" timestamp (3) with time zone,
	"closed_by" uuid,
	"conclusion" text,
	"accountability" text
);
--> statement-breakpoint
CREATE TABLE "supervision_opinions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"author_id" uuid,
	"text" text NOT NULL,
	"at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "escalations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"level" smallint NOT NULL,
	"reason" "escalation_reason" NOT NULL,
	"deadline_version" integer NOT NULL,
	"due_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "extension_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"requested_due_at" timestamp (3) with time zone NOT NULL,
	"reason" text NOT NULL,
	"status" "extension_status" DEFAULT 'pending' NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp (3) with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp (3) with time zone,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"conference_id" uuid PRIMARY KEY NOT NULL,
	"policy" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "serial_counters" (
	"conference_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "serial_counters_conference_id_kind_year_pk" PRIMARY KEY("conference_id","kind","year")
);
--> statement-breakpoint
CREATE TABLE "task_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"actor_id" uuid,
	"actor_role" text NOT NULL,
	"action" text NOT NULL,
	"from_status" "task_status",
	"to_status" "task_status",
	"note" text,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"work_order_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"role" "assignment_role" NOT NULL,
	"status" "task_status" DEFAULT 'issued' NOT NULL,
	"status_before_return" "task_status",
	"issued_at" timestamp (3) with time zone NOT NULL,
	"sign_due_at" timestamp (3) with time zone,
	"return_due_at" timestamp (3) with time zone,
	"due_at" timestamp (3) with time zone NOT NULL,
	"due_basis" jsonb NOT NULL,
	"original_due_at" timestamp (3) with time zone NOT NULL,
	"due_soon_at" timestamp (3) with time zone,
	"level1_at" timestamp (3) with time zone NOT NULL,
	"level2_at" timestamp (3) with time zone NOT NULL,
	"level3_at" timestamp (3) with time zone NOT NULL,
	"office_due_at" timestamp (3) with time zone,
	"paused_at" timestamp (3) with time zone,
	"waited_ms" bigint DEFAULT 0 NOT NULL,
	"provisional" boolean DEFAULT false NOT NULL,
	"deadline_version" integer DEFAULT 1 NOT NULL,
	"escalation_level" smallint DEFAULT 0 NOT NULL,
	"ladder_level" smallint DEFAULT 0 NOT NULL,
	"sign_reminded" boolean DEFAULT false NOT NULL,
	"due_soon_sent" boolean DEFAULT false NOT NULL,
	"office_reminded" boolean DEFAULT false NOT NULL,
	"red_flag" boolean DEFAULT false NOT NULL,
	"next_check_at" timestamp (3) with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"serial" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"priority" "priority" NOT NULL,
	"status" "work_order_status" DEFAULT 'open' NOT NULL,
	"issued_by" uuid,
	"issued_at" timestamp (3) with time zone NOT NULL,
	"due_at" timestamp (3) with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_cases" ADD CONSTRAINT "supervision_cases_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_cases" ADD CONSTRAINT "supervision_cases_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_cases" ADD CONSTRAINT "supervision_cases_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_opinions" ADD CONSTRAINT "supervision_opinions_case_id_supervision_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."supervision_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_opinions" ADD CONSTRAINT "supervision_opinions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "serial_counters" ADD CONSTRAINT "serial_counters_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_events" ADD CONSTRAINT "task_events_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_key" ON "notifications" USING btree ("dedupe_key","user_id");--> statement-breakpoint
CREATE INDEX "notifications_inbox_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_one_open_case" ON "supervision_cases" USING btree ("task_id") WHERE "supervision_cases"."status" = 'open';--> statement-breakpoint
CREATE INDEX "supervision_cases_conference_id_status_opened_at_index" ON "supervision_cases" USING btree ("conference_id","status","opened_at");--> statement-breakpoint
CREATE INDEX "supervision_opinions_case_id_at_index" ON "supervision_opinions" USING btree ("case_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "escalations_once" ON "escalations" USING btree ("task_id","reason","level","deadline_version");--> statement-breakpoint
CREATE INDEX "escalations_conference_id_created_at_index" ON "escalations" USING btree ("conference_id","created_at");--> statement-breakpoint
CREATE INDEX "extension_requests_task_id_index" ON "extension_requests" USING btree ("task_id");--> statement-breakpoint
CREATE UNIQUE INDEX "extension_one_pending" ON "extension_requests" USING btree ("task_id") WHERE "extension_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "task_events_task_id_id_index" ON "task_events" USING btree ("task_id","id");--> statement-breakpoint
CREATE INDEX "tasks_unit_status_idx" ON "tasks" USING btree ("conference_id","unit_id","status","id");--> statement-breakpoint
CREATE INDEX "tasks_conference_status_idx" ON "tasks" USING btree ("conference_id","status","id");--> statement-breakpoint
CREATE INDEX "tasks_work_order_idx" ON "tasks" USING btree ("work_order_id");--> statement-breakpoint
CREATE INDEX "tasks_next_check_idx" ON "tasks" USING btree ("next_check_at") WHERE "tasks"."next_check_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "tasks_overdue_idx" ON "tasks" USING btree ("conference_id","escalation_level") WHERE "tasks"."escalation_level" > 0;--> statement-breakpoint
CREATE UNIQUE INDEX "work_orders_serial_key" ON "work_orders" USING btree ("conference_id","serial");--> statement-breakpoint
CREATE INDEX "work_orders_conference_id_issued_at_index" ON "work_orders" USING btree ("conference_id","issued_at");