-- queue_counts.immediate_waiting: each queue's immediate callbacks in QUEUED or ROUTING, kept by
-- statement-level triggers (one counter write per statement, none when a statement leaves the
-- count unchanged, e.g. a claim moving QUEUED to ROUTING).
INSERT INTO "queue_counts" ("tenant_id", "virtual_queue", "immediate_waiting")
  SELECT "tenant_id", "virtual_queue", count(*) FROM "callbacks"
  WHERE "origin" = 'immediate' AND "state" IN ('QUEUED', 'ROUTING')
  GROUP BY 1, 2
ON CONFLICT ("tenant_id", "virtual_queue") DO UPDATE SET "immediate_waiting" = excluded."immediate_waiting";
--> statement-breakpoint
CREATE FUNCTION ringback_count_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO queue_counts AS q (tenant_id, virtual_queue, immediate_waiting)
    SELECT tenant_id, virtual_queue, count(*) FROM added
    WHERE origin = 'immediate' AND state IN ('QUEUED', 'ROUTING')
    GROUP BY 1, 2
  ON CONFLICT (tenant_id, virtual_queue) DO UPDATE SET immediate_waiting = q.immediate_waiting + excluded.immediate_waiting;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION ringback_count_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO queue_counts AS q (tenant_id, virtual_queue, immediate_waiting)
    SELECT tenant_id, virtual_queue, sum(delta) FROM (
      SELECT tenant_id, virtual_queue, 1 AS delta FROM added
      WHERE origin = 'immediate' AND state IN ('QUEUED', 'ROUTING')
      UNION ALL
      SELECT tenant_id, virtual_queue, -1 FROM removed
      WHERE origin = 'immediate' AND state IN ('QUEUED', 'ROUTING')
    ) AS changes
    GROUP BY 1, 2 HAVING sum(delta) <> 0
  ON CONFLICT (tenant_id, virtual_queue) DO UPDATE SET immediate_waiting = q.immediate_waiting + excluded.immediate_waiting;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION ringback_count_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE queue_counts AS q SET immediate_waiting = q.immediate_waiting - r.n
  FROM (
    SELECT tenant_id, virtual_queue, count(*) AS n FROM removed
    WHERE origin = 'immediate' AND state IN ('QUEUED', 'ROUTING')
    GROUP BY 1, 2
  ) AS r
  WHERE q.tenant_id = r.tenant_id AND q.virtual_queue = r.virtual_queue;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER callbacks_count_insert AFTER INSERT ON "callbacks"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ringback_count_added();
--> statement-breakpoint
CREATE TRIGGER callbacks_count_update AFTER UPDATE ON "callbacks"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ringback_count_changed();
--> statement-breakpoint
CREATE TRIGGER callbacks_count_delete AFTER DELETE ON "callbacks"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION ringback_count_removed();
