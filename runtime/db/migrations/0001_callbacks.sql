CREATE TABLE "agents" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"skills" jsonb NOT NULL,
	"handle_time" jsonb NOT NULL,
	"state" text NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "agents_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "api_errors" (
	"corr_id" text PRIMARY KEY NOT NULL,
	"tenant_id" text,
	"at" bigint NOT NULL,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"status" integer NOT NULL,
	"message" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "callback_audit" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "callback_audit_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"callback_id" text NOT NULL,
	"at" bigint NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"reason" text,
	"actor" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "callback_rules" (
	"tenant_id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"document" jsonb NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "callback_rules_tenant_id_kind_name_pk" PRIMARY KEY("tenant_id","kind","name")
);
--> statement-breakpoint
CREATE TABLE "callback_settings" (
	"tenant_id" text NOT NULL,
	"virtual_queue" text NOT NULL,
	"document" jsonb NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "callback_settings_tenant_id_virtual_queue_pk" PRIMARY KEY("tenant_id","virtual_queue")
);
--> statement-breakpoint
CREATE TABLE "callbacks" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"virtual_queue" text NOT NULL,
	"phone_number" text NOT NULL,
	"state" text NOT NULL,
	"reason" text,
	"origin" text NOT NULL,
	"desired_time" bigint NOT NULL,
	"slot_start" bigint,
	"priority" integer NOT NULL,
	"user_data" jsonb NOT NULL,
	"details" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"queued_at" bigint,
	"next_attempt_at" bigint,
	"lease_owner" text,
	"lease_until" bigint,
	"agent_id" text,
	"created_by" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"completed_at" bigint,
	"expires_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cors_origins" (
	"tenant_id" text NOT NULL,
	"origin" text NOT NULL,
	CONSTRAINT "cors_origins_tenant_id_origin_pk" PRIMARY KEY("tenant_id","origin")
);
--> statement-breakpoint
CREATE TABLE "dial_attempts" (
	"callback_id" text NOT NULL,
	"attempt" integer NOT NULL,
	"node_id" text NOT NULL,
	"started_at" bigint NOT NULL,
	"outcome" text,
	"ended_at" bigint,
	CONSTRAINT "dial_attempts_callback_id_attempt_pk" PRIMARY KEY("callback_id","attempt")
);
--> statement-breakpoint
CREATE TABLE "queue_rules" (
	"tenant_id" text NOT NULL,
	"virtual_queue" text NOT NULL,
	"capacity_rule" text,
	"number_validation_rule" text,
	"region_affinity_rule" text,
	CONSTRAINT "queue_rules_tenant_id_virtual_queue_pk" PRIMARY KEY("tenant_id","virtual_queue")
);
--> statement-breakpoint
CREATE TABLE "slot_bookings" (
	"tenant_id" text NOT NULL,
	"virtual_queue" text NOT NULL,
	"slot_start" bigint NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "slot_bookings_tenant_id_virtual_queue_slot_start_pk" PRIMARY KEY("tenant_id","virtual_queue","slot_start")
);
--> statement-breakpoint
CREATE INDEX "api_errors_tenant_at" ON "api_errors" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE INDEX "callback_audit_callback" ON "callback_audit" USING btree ("callback_id");--> statement-breakpoint
CREATE INDEX "callbacks_due" ON "callbacks" USING btree ("state","next_attempt_at") WHERE "callbacks"."state" <> 'COMPLETED';--> statement-breakpoint
CREATE INDEX "callbacks_number" ON "callbacks" USING btree ("tenant_id","virtual_queue","phone_number");--> statement-breakpoint
CREATE INDEX "callbacks_desired" ON "callbacks" USING btree ("tenant_id","desired_time");--> statement-breakpoint
CREATE INDEX "callbacks_expires" ON "callbacks" USING btree ("expires_at");