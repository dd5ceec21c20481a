CREATE TABLE "queue_counts" (
	"tenant_id" text NOT NULL,
	"virtual_queue" text NOT NULL,
	"immediate_waiting" integer NOT NULL,
	CONSTRAINT "queue_counts_tenant_id_virtual_queue_pk" PRIMARY KEY("tenant_id","virtual_queue")
);
