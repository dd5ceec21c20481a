CREATE TABLE "call_in_groups" (
	"tenant_id" text NOT NULL,
	"name" text NOT NULL,
	"access_code_enabled" boolean NOT NULL,
	"access_code_length" integer NOT NULL,
	"expiry_seconds" integer NOT NULL,
	"unique_dnis" boolean NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "call_in_groups_tenant_id_name_pk" PRIMARY KEY("tenant_id","name")
);
--> statement-breakpoint
CREATE TABLE "call_in_numbers" (
	"tenant_id" text NOT NULL,
	"group_name" text NOT NULL,
	"number" text NOT NULL,
	"description" text,
	"position" integer NOT NULL,
	"last_used_at" bigint,
	CONSTRAINT "call_in_numbers_tenant_id_group_name_number_pk" PRIMARY KEY("tenant_id","group_name","number")
);
--> statement-breakpoint
CREATE TABLE "call_in_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"group_name" text NOT NULL,
	"to_number" text NOT NULL,
	"from_number" text,
	"access_code_hash" text,
	"user_data" jsonb NOT NULL,
	"callback_id" text,
	"state" text NOT NULL,
	"created_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL,
	"matched_at" bigint,
	"matched_call_id" text,
	"matched_on" text
);
--> statement-breakpoint
CREATE TABLE "callback_call_in_sessions" (
	"callback_id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"virtual_queue" text NOT NULL,
	"ready_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL,
	"state" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "callback_upcoming" (
	"callback_id" text PRIMARY KEY NOT NULL,
	"outcome" text NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "captcha_tokens_used" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "developer_credentials" (
	"tenant_id" text NOT NULL,
	"kind" text NOT NULL,
	"settings" jsonb NOT NULL,
	"secret" text NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "developer_credentials_tenant_id_kind_pk" PRIMARY KEY("tenant_id","kind")
);
--> statement-breakpoint
CREATE TABLE "push_outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "push_outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"tenant_id" text NOT NULL,
	"callback_id" text,
	"channel" text NOT NULL,
	"target" text NOT NULL,
	"event" text NOT NULL,
	"payload" jsonb NOT NULL,
	"state" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" bigint NOT NULL,
	"last_error" text,
	"created_at" bigint NOT NULL,
	"sent_at" bigint
);
--> statement-breakpoint
CREATE TABLE "push_unregistered" (
	"tenant_id" text NOT NULL,
	"target_hash" text NOT NULL,
	"at" bigint NOT NULL,
	CONSTRAINT "push_unregistered_tenant_id_target_hash_pk" PRIMARY KEY("tenant_id","target_hash")
);
--> statement-breakpoint
CREATE INDEX "call_in_requests_tenant_created" ON "call_in_requests" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "call_in_requests_pending_number" ON "call_in_requests" USING btree ("tenant_id","to_number","expires_at") WHERE "call_in_requests"."state" = 'PENDING';--> statement-breakpoint
CREATE INDEX "call_in_requests_callback" ON "call_in_requests" USING btree ("callback_id");--> statement-breakpoint
CREATE INDEX "callback_call_in_waiting" ON "callback_call_in_sessions" USING btree ("tenant_id","virtual_queue","expires_at") WHERE "callback_call_in_sessions"."state" = 'WAITING';--> statement-breakpoint
CREATE INDEX "push_outbox_due" ON "push_outbox" USING btree ("next_attempt_at") WHERE "push_outbox"."state" = 'PENDING';--> statement-breakpoint
CREATE INDEX "push_outbox_callback" ON "push_outbox" USING btree ("callback_id");