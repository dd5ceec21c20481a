CREATE TABLE "simulated_dials" (
	"callback_id" text NOT NULL,
	"attempt" integer NOT NULL,
	"outcome" text NOT NULL,
	"started_at" bigint NOT NULL,
	"ended_at" bigint NOT NULL,
	"node_id" text NOT NULL,
	CONSTRAINT "simulated_dials_callback_id_attempt_pk" PRIMARY KEY("callback_id","attempt")
);
