import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../support/client.ts';
import { freshDatabaseUrl, testDatabaseKind } from '../support/database.ts';
import { startRuntime } from '../support/start-runtime.ts';

describe('restart survival', () => {
  it('continues a call waiting for input after the runtime restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ringback-restart-'));
    const database = testDatabaseKind === 'postgres' ? await freshDatabaseUrl() : undefined;
    const env = {
      RINGBACK_DATA_DIR: dataDir,
      DATABASE_URL: database?.url ?? '',
      RINGBACK_CLOCK: 'virtual',
      RINGBACK_CLOCK_START: '2026-11-24T18:00:00Z',
    };
    try {
      const first = await startRuntime(env);
      const api = await new ApiClient(first.baseUrl).login('admin', first.adminPassword);
      const call = await api.post('/api/v1/test-calls', { dnis: '+18005550100', ani: '+14155550123' });
      expect(call.body.state).toBe('waitingInput');
      await api.post(`/api/v1/test-calls/${call.body.id}/dtmf`, { digits: '1' });
      await first.stop();

      const second = await startRuntime(env);
      const again = await new ApiClient(second.baseUrl).login('admin', second.adminPassword);
      const resumed = await again.post(`/api/v1/test-calls/${call.body.id}/dtmf`, { digits: '123456#' });
      expect(resumed.status).toBe(200);
      expect(resumed.body).toMatchObject({ state: 'ended', endReason: 'routed' });
      expect(resumed.body.variables.department).toBe('Sales');
      await second.stop();
    } finally {
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
