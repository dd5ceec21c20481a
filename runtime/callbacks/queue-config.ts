/**
 * Everything the engine needs to decide about one queue: the settings row with defaults, its
 * compiled business hours, and the rules assigned to it.
 *
 * Kept in memory and checked at every decision with one cheap statement that reads the version
 * (PostgreSQL's `xmin`, new on every insert and update) of each row the configuration was built
 * from. Any edit, made through any process sharing the database, changes one of them, and the
 * next decision reloads; a deleted row reads as missing, which also differs. So edits apply at
 * once everywhere, while an unchanged queue costs one indexed round trip instead of six queries
 * and a recompile.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { BusinessHours } from '../../schemas/business-hours.generated.ts';
import type { CapacityRule } from '../../schemas/capacity-rule.generated.ts';
import type { NumberValidationRule } from '../../schemas/number-validation-rule.generated.ts';
import type { RegionAffinityRule } from '../../schemas/region-affinity-rule.generated.ts';
import type { BusinessHoursCalendar } from '../business-hours/index.ts';
import type { BusinessHoursStore } from '../business-hours-store/business-hours-store.ts';
import type { Database } from '../db/client.ts';
import { rows } from '../db/migrate.ts';
import { ApiError } from '../http/problem.ts';
import type { RulesStore } from '../rules-store/rules-store.ts';
import { type CallbackSettings, type QueueSettings, withDefaults } from './settings.ts';

export interface QueueConfig {
  tenantId: string;
  settings: QueueSettings;
  hours: BusinessHoursCalendar;
  immediateOfferHours: BusinessHoursCalendar | undefined;
  capacityRule: CapacityRule | undefined;
  numberRule: NumberValidationRule | undefined;
  regionRule: RegionAffinityRule | undefined;
}

/**
 * The rows one queue's configuration is built from, in one snapshot: its settings row, its rule
 * assignment, the business hours its row names, and the rules assigned to it.
 */
const rowsOf = (tenantId: string, virtualQueue: string, columns: SQL) => sql`
  select ${columns}
  from callback_settings s
  left join queue_rules q on q.tenant_id = s.tenant_id and q.virtual_queue = s.virtual_queue
  left join business_hours h on h.tenant_id = s.tenant_id and h.name = s.document->>'businessHours'
  left join business_hours o on o.tenant_id = s.tenant_id and o.name = s.document->>'immediateOfferHours'
  left join callback_rules c
    on c.tenant_id = s.tenant_id and c.kind = 'capacity' and c.name = q.capacity_rule
  left join callback_rules n
    on n.tenant_id = s.tenant_id and n.kind = 'numberValidation' and n.name = q.number_validation_rule
  left join callback_rules r
    on r.tenant_id = s.tenant_id and r.kind = 'regionAffinity' and r.name = q.region_affinity_rule
  where s.tenant_id = ${tenantId} and s.virtual_queue = ${virtualQueue}`;

const versionColumn = sql.raw(
  `concat_ws('/', s.xmin, coalesce(q.xmin::text, '-'), coalesce(h.xmin::text, '-'),
    coalesce(o.xmin::text, '-'), coalesce(c.xmin::text, '-'), coalesce(n.xmin::text, '-'),
    coalesce(r.xmin::text, '-')) as version`,
);

/**
 * The current version of a queue's configuration as a scalar subquery (null when the queue has
 * no settings row), so a caller can read it in the same statement as something else.
 */
export const configVersion = (tenantId: string, virtualQueue: string): SQL =>
  sql`(${rowsOf(tenantId, virtualQueue, versionColumn)})`;

interface ConfigRow {
  version: string;
  settings: CallbackSettings;
  hours: BusinessHours | null;
  hours_version: string | null;
  offer_hours: BusinessHours | null;
  offer_hours_version: string | null;
  capacity_rule: CapacityRule | null;
  number_rule: NumberValidationRule | null;
  region_rule: RegionAffinityRule | null;
}

const documentColumns = sql.join(
  [
    versionColumn,
    sql.raw(`s.document as settings, h.document as hours, h.xmin::text as hours_version,
      o.document as offer_hours, o.xmin::text as offer_hours_version,
      c.document as capacity_rule, n.document as number_rule, r.document as region_rule`),
  ],
  sql`, `,
);

/** `execute` answers an array on postgres.js and `{ rows }` on PGlite. */
export function firstRow<T>(result: unknown): T | undefined {
  return rows<T>(result)[0];
}

export const serviceNotFound = (virtualQueue: string) =>
  new ApiError('SERVICE_NOT_FOUND', `No CALLBACK_SETTINGS row for ${virtualQueue}`);

/**
 * Coalesces reads of one key: a caller gets the answer of a read that started after it called,
 * so nothing older than its call is ever returned, but callers arriving while a read is running
 * share the single read that follows it. Under load a queue costs one version check per round
 * trip, not one per request.
 */
export function coalescedReads<V>(read: (key: string) => Promise<V>): (key: string) => Promise<V> {
  const reads = new Map<string, { running: Promise<V>; next: Promise<V> | undefined }>();
  const start = (key: string): Promise<V> => {
    const entry = { running: read(key), next: undefined as Promise<V> | undefined };
    reads.set(key, entry);
    // Registered before any `next`, so the entry is gone when a follower starts its own read.
    void entry.running
      .catch(() => undefined)
      .then(() => {
        if (reads.get(key) === entry) reads.delete(key);
      });
    return entry.running;
  };
  return (key) => {
    const entry = reads.get(key);
    if (!entry) return start(key);
    entry.next ??= entry.running.catch(() => undefined).then(() => start(key));
    return entry.next;
  };
}

export function queueConfigs(deps: { db: Database; businessHours: BusinessHoursStore; rules: RulesStore }) {
  const { db, businessHours } = deps;
  const known = new Map<string, { version: string; config: QueueConfig }>();
  const currentVersion = coalescedReads(async (key) => {
    const [tenantId = '', virtualQueue = ''] = key.split('\u0000');
    return firstRow<{ version: string }>(await db.execute(rowsOf(tenantId, virtualQueue, versionColumn)))
      ?.version;
  });

  async function load(tenantId: string, virtualQueue: string) {
    const row = firstRow<ConfigRow>(await db.execute(rowsOf(tenantId, virtualQueue, documentColumns)));
    if (!row) return undefined;
    const settings = withDefaults(row.settings);
    // Saving a row checks its business hours exist; deleting them later leaves the queue unusable.
    if (!row.hours || row.hours_version === null)
      throw new ApiError('SERVICE_NOT_FOUND', `The business hours of ${virtualQueue} no longer exist`);
    const config: QueueConfig = {
      tenantId,
      settings,
      hours: businessHours.compiled(tenantId, settings.businessHours, row.hours_version, row.hours),
      immediateOfferHours:
        settings.immediateOfferHours && row.offer_hours && row.offer_hours_version !== null
          ? businessHours.compiled(
              tenantId,
              settings.immediateOfferHours,
              row.offer_hours_version,
              row.offer_hours,
            )
          : undefined,
      capacityRule: row.capacity_rule ?? undefined,
      numberRule: row.number_rule ?? undefined,
      regionRule: row.region_rule ?? undefined,
    };
    return { version: row.version, config };
  }

  /** The configuration of this version: the one in memory when it is current, else read afresh. */
  async function atVersion(tenantId: string, virtualQueue: string, version: string | null | undefined) {
    const key = `${tenantId}\u0000${virtualQueue}`;
    if (version === null || version === undefined) {
      known.delete(key);
      return undefined;
    }
    const cached = known.get(key);
    if (cached?.version === version) return cached.config;
    // The load reads the rows again, in their own snapshot, with their versions: if an edit lands
    // in between, the version kept is the loaded one, so nothing stale is ever kept.
    const loaded = await load(tenantId, virtualQueue);
    if (loaded) known.set(key, loaded);
    else known.delete(key);
    return loaded?.config;
  }

  return {
    atVersion,
    async find(tenantId: string, virtualQueue: string): Promise<QueueConfig | undefined> {
      const version = await currentVersion(`${tenantId}\u0000${virtualQueue}`);
      return atVersion(tenantId, virtualQueue, version);
    },
    /** Whether `config` is the one this process holds for that version (no query). */
    holds(tenantId: string, virtualQueue: string, version: string | null | undefined, config: QueueConfig) {
      const cached = known.get(`${tenantId}\u0000${virtualQueue}`);
      return (
        version !== null && version !== undefined && cached?.version === version && cached.config === config
      );
    },
    /**
     * The configuration last read for a queue, without checking it is still current: only to
     * start work that `find` confirms (when it answers the very same object) or redoes.
     */
    lastKnown(tenantId: string, virtualQueue: string): QueueConfig | undefined {
      return known.get(`${tenantId}\u0000${virtualQueue}`)?.config;
    },
    async get(tenantId: string, virtualQueue: string): Promise<QueueConfig> {
      const config = await this.find(tenantId, virtualQueue);
      if (!config) throw serviceNotFound(virtualQueue);
      return config;
    },
  };
}

export type QueueConfigs = ReturnType<typeof queueConfigs>;
