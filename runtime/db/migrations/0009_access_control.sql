CREATE TABLE "access_groups" (
	"tenant_id" text NOT NULL,
	"name" text NOT NULL,
	"roles" jsonb NOT NULL,
	"predefined" boolean DEFAULT false NOT NULL,
	CONSTRAINT "access_groups_tenant_id_name_pk" PRIMARY KEY("tenant_id","name")
);
--> statement-breakpoint
CREATE TABLE "queue_folders" (
	"tenant_id" text NOT NULL,
	"name" text NOT NULL,
	"read" jsonb NOT NULL,
	"propagate" boolean DEFAULT true NOT NULL,
	CONSTRAINT "queue_folders_tenant_id_name_pk" PRIMARY KEY("tenant_id","name")
);
--> statement-breakpoint
CREATE TABLE "queue_permissions" (
	"tenant_id" text NOT NULL,
	"virtual_queue" text NOT NULL,
	"folder" text,
	"read" jsonb,
	CONSTRAINT "queue_permissions_tenant_id_virtual_queue_pk" PRIMARY KEY("tenant_id","virtual_queue")
);
--> statement-breakpoint
CREATE TABLE "user_access_groups" (
	"user_id" text NOT NULL,
	"tenant_id" text NOT NULL,
	"group_name" text NOT NULL,
	CONSTRAINT "user_access_groups_user_id_group_name_pk" PRIMARY KEY("user_id","group_name")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "display_name" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "api_errors" ADD COLUMN "virtual_queue" text;--> statement-breakpoint
ALTER TABLE "user_access_groups" ADD CONSTRAINT "user_access_groups_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;