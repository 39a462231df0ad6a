CREATE TYPE "public"."handoff_outcome" AS ENUM('handled', 'case_opened', 'refused', 'not_crime', 'returned');--> statement-breakpoint
CREATE TYPE "public"."handoff_status" AS ENUM('sent', 'received', 'answered');--> statement-breakpoint
CREATE TABLE "handoffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"clue_id" uuid NOT NULL,
	"from_unit_id" uuid,
	"to_unit_id" uuid NOT NULL,
	"kind" "handoff_kind" NOT NULL,
	"status" "handoff_status" DEFAULT 'sent' NOT NULL,
	"reason" text NOT NULL,
	"rule_id" uuid,
	"sent_by" uuid,
	"sent_at" timestamp (3) with time zone NOT NULL,
	"received_at" timestamp (3) with time zone,
	"answered_at" timestamp (3) with time zone,
	"outcome" "handoff_outcome",
	"outcome_reason" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_clue_id_clues_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."clues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_from_unit_id_units_id_fk" FOREIGN KEY ("from_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_to_unit_id_units_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_rule_id_routing_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."routing_rules"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "handoffs_in_idx" ON "handoffs" USING btree ("conference_id","to_unit_id","sent_at");--> statement-breakpoint
CREATE INDEX "handoffs_out_idx" ON "handoffs" USING btree ("conference_id","from_unit_id","sent_at");--> statement-breakpoint
CREATE INDEX "handoffs_clue_idx" ON "handoffs" USING btree ("clue_id");--> statement-breakpoint
CREATE UNIQUE INDEX "handoffs_routed_once" ON "handoffs" USING btree ("clue_id") WHERE "handoffs"."rule_id" IS NOT NULL;