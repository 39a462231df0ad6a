ALTER TABLE "supervision_cases" ALTER COLUMN "task_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "handoff_events" ADD COLUMN "actor_id" uuid;--> statement-breakpoint
ALTER TABLE "supervision_cases" ADD COLUMN "handoff_id" uuid;--> statement-breakpoint
ALTER TABLE "handoff_events" ADD CONSTRAINT "handoff_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_cases" ADD CONSTRAINT "supervision_cases_handoff_id_handoffs_id_fk" FOREIGN KEY ("handoff_id") REFERENCES "public"."handoffs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_one_open_handoff_case" ON "supervision_cases" USING btree ("handoff_id") WHERE "supervision_cases"."status" = 'open';--> statement-breakpoint
ALTER TABLE "supervision_cases" ADD CONSTRAINT "supervision_case_one_subject" CHECK (num_nonnulls("supervision_cases"."task_id", "supervision_cases"."handoff_id") = 1);