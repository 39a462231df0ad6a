ALTER TYPE "public"."handoff_event_kind" ADD VALUE 'urged';--> statement-breakpoint
ALTER TYPE "public"."handoff_event_kind" ADD VALUE 'supervised';--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone" text;