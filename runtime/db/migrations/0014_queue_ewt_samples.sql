CREATE TABLE "queue_ewt_samples" (
	"tenant_id" text NOT NULL,
	"virtual_queue" text NOT NULL,
	"quarter_at" bigint NOT NULL,
	"sampled_at" bigint NOT NULL,
	"ewt_seconds" integer NOT NULL,
	"waiting" integer NOT NULL,
	CONSTRAINT "queue_ewt_samples_tenant_id_virtual_queue_quarter_at_pk" PRIMARY KEY("tenant_id","virtual_queue","quarter_at")
);
--> statement-breakpoint
CREATE INDEX "queue_ewt_samples_quarter" ON "queue_ewt_samples" USING btree ("quarter_at");