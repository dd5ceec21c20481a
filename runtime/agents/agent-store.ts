/**
 * Agents: their skills, handle time and the state an administrator (or the agent) set. The
 * per-process simulator (contact-center-host.ts) mirrors them; Busy exists only there.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { agents } from '../db/schema.ts';
import { ApiError } from '../http/problem.ts';

export type AgentRow = typeof agents.$inferSelect;
export type SettableState = AgentRow['state'];

export interface AgentInput {
  id: string;
  name: string;
  skills: Record<string, number>;
  handleTimeSeconds?: number;
  state?: SettableState;
}

export function agentStore(db: Database, now: () => number) {
  const keyOf = (tenantId: string, id: string) => and(eq(agents.tenantId, tenantId), eq(agents.id, id));
  return {
    async list(tenantId?: string): Promise<AgentRow[]> {
      const query = db.select().from(agents);
      return (tenantId ? query.where(eq(agents.tenantId, tenantId)) : query).orderBy(asc(agents.id));
    },
    async get(tenantId: string, id: string): Promise<AgentRow> {
      const [row] = await db.select().from(agents).where(keyOf(tenantId, id));
      if (!row) throw new ApiError('NOT_FOUND', `No agent ${id}`);
      return row;
    },
    async put(tenantId: string, input: AgentInput): Promise<{ agent: AgentRow; created: boolean }> {
      const values = {
        tenantId,
        id: input.id,
        name: input.name,
        skills: input.skills,
        handleTime: { kind: 'fixed', seconds: input.handleTimeSeconds ?? 300 },
        state: input.state ?? 'LoggedOut',
        updatedAt: now(),
      } as const;
      const inserted = await db.insert(agents).values(values).onConflictDoNothing().returning();
      if (inserted[0]) return { agent: inserted[0], created: true };
      const { tenantId: _t, id: _i, ...set } = values;
      const [updated] = await db
        .update(agents)
        .set(input.state ? set : { ...set, state: undefined })
        .where(keyOf(tenantId, input.id))
        .returning();
      return { agent: updated as AgentRow, created: false };
    },
    async setState(tenantId: string, id: string, state: SettableState): Promise<AgentRow> {
      const [row] = await db
        .update(agents)
        .set({ state, updatedAt: now() })
        .where(keyOf(tenantId, id))
        .returning();
      if (!row) throw new ApiError('NOT_FOUND', `No agent ${id}`);
      return row;
    },
    async remove(tenantId: string, id: string): Promise<void> {
      const deleted = await db.delete(agents).where(keyOf(tenantId, id)).returning();
      if (deleted.length === 0) throw new ApiError('NOT_FOUND', `No agent ${id}`);
    },
  };
}

export type AgentStore = ReturnType<typeof agentStore>;
