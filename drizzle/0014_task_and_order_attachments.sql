CREATE TABLE "work_order_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"media_type" text NOT NULL,
	"file_name" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_by_unit_id" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	"work_order_id" uuid NOT NULL,
	"task_id" uuid,
	"task_event_id" bigint,
	CONSTRAINT "work_order_attachments_event_has_task" CHECK ("work_order_attachments"."task_event_id" IS NULL OR "work_order_attachments"."task_id" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "work_order_attachments" ADD CONSTRAINT "work_order_attachments_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_attachments" ADD CONSTRAINT "work_order_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_attachments" ADD CONSTRAINT "work_order_attachments_uploaded_by_unit_id_units_id_fk" FOREIGN KEY ("uploaded_by_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_attachments" ADD CONSTRAINT "work_order_attachments_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_attachments" ADD CONSTRAINT "work_order_attachments_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_attachments" ADD CONSTRAINT "work_order_attachments_task_event_id_task_events_id_fk" FOREIGN KEY ("task_event_id") REFERENCES "public"."task_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "work_order_attachments_work_order_id_created_at_index" ON "work_order_attachments" USING btree ("work_order_id","created_at");--> statement-breakpoint
CREATE INDEX "work_order_attachments_task_id_created_at_index" ON "work_order_attachments" USING btree ("task_id","created_at") WHERE "work_order_attachments"."task_id" IS NOT NULL;