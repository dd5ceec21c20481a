import { describe, expect, it } from 'vitest';
import schema from './access.schema.json' with { type: 'json' };
import { callbackRoles, roles } from './roles.ts';

describe('roles', () => {
  it('are the roles the access schema accepts', () => {
    expect([...roles]).toEqual(schema.$defs.role.enum);
  });

  it('lets access groups grant the callback roles only', () => {
    expect(callbackRoles).toEqual([
      'callbackAdministrator',
      'callbackSupervisor',
      'callbackMonitor',
      'callbackDeveloper',
    ]);
  });
});
