ALTER TABLE "conferences" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_parent_id_conferences_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "conferences_name_key" ON "conferences" USING btree ("name");--> statement-breakpoint
CREATE INDEX "conferences_parent_id_index" ON "conferences" USING btree ("parent_id");