CREATE TABLE "auth_lockouts" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text,
	"at" bigint NOT NULL,
	"kind" text NOT NULL,
	"scope" text NOT NULL,
	"account" text,
	"client_address" text NOT NULL,
	"until" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer NOT NULL,
	"expire" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "auth_lockouts_at" ON "auth_lockouts" USING btree ("at");