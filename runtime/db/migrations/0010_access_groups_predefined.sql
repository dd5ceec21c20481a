-- The guide's predefined access groups on every existing tenant (new tenants get them from the
-- seed, runtime/access/predefined-groups.ts, which holds the same list), and every existing user
-- in Agents, the group that grants no role, so users keep reaching the Callback UI with their
-- own roles as before (a user must be in at least one group).
INSERT INTO "access_groups" ("tenant_id", "name", "roles", "predefined")
  SELECT t."id", g."name", g."roles"::jsonb, true
  FROM "tenants" t CROSS JOIN (VALUES
    ('Administrators', '["callbackAdministrator"]'),
    ('Supervisors', '["callbackSupervisor"]'),
    ('Managers', '["callbackMonitor"]'),
    ('Agents', '[]'),
    ('Callback Developers', '["callbackDeveloper"]')
  ) AS g("name", "roles")
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "user_access_groups" ("user_id", "tenant_id", "group_name")
  SELECT "id", "tenant_id", 'Agents' FROM "users"
ON CONFLICT DO NOTHING;
