import { describe, expect, it } from 'vitest';
import { effectiveRoles } from './effective-roles.ts';

describe('effective roles', () => {
  it('adds the roles of every group to the user’s own', () => {
    expect(
      effectiveRoles(
        ['developer'],
        [{ roles: ['callbackMonitor'] }, { roles: ['callbackSupervisor'] }],
      ).sort(),
    ).toEqual(['callbackMonitor', 'callbackSupervisor', 'developer']);
  });
  it('drops callback roles for a user in no group but keeps Designer roles', () => {
    expect(effectiveRoles(['callbackAdministrator', 'businessUser'], [])).toEqual(['businessUser']);
  });
  it('keeps the user’s own callback roles once it is in a group that grants none', () => {
    expect(effectiveRoles(['callbackMonitor'], [{ roles: [] }])).toEqual(['callbackMonitor']);
  });
  it('ignores role names it does not know', () => {
    expect(effectiveRoles(['superuser'], [{ roles: ['callbackMonitor', 'root'] }])).toEqual([
      'callbackMonitor',
    ]);
  });
});
