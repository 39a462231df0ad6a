ALTER TABLE "outbox" DROP CONSTRAINT "outbox_conference_id_conferences_id_fk";
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_conference_id_conferences_id_fk";
--> statement-breakpoint
ALTER TABLE "escalations" DROP CONSTRAINT "escalations_conference_id_conferences_id_fk";
