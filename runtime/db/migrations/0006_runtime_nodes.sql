CREATE TABLE "runtime_nodes" (
	"node_id" text PRIMARY KEY NOT NULL,
	"region" text NOT NULL,
	"seen_at" bigint NOT NULL
);
