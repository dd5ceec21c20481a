CREATE TABLE "queue_interactions" (
	"tenant_id" text NOT NULL,
	"virtual_queue" text NOT NULL,
	"interaction_id" text NOT NULL,
	"kind" text NOT NULL,
	"entered_at" bigint NOT NULL,
	"assigned_at" bigint NOT NULL,
	"agent_id" text NOT NULL,
	"agents_logged_in" integer NOT NULL,
	"handled_ms" bigint,
	"ended_at" bigint,
	CONSTRAINT "queue_interactions_interaction_id_assigned_at_pk" PRIMARY KEY("interaction_id","assigned_at")
);
--> statement-breakpoint
CREATE INDEX "queue_interactions_assigned" ON "queue_interactions" USING btree ("tenant_id","virtual_queue","assigned_at");--> statement-breakpoint
CREATE INDEX "queue_interactions_ended" ON "queue_interactions" USING btree ("tenant_id","virtual_queue","ended_at");