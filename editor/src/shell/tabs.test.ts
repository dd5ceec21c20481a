import { describe, expect, it } from 'vitest';
import { tabOf, visibleTabs } from './tabs.ts';

const ids = (roles: string[]) => visibleTabs(roles).map((t) => t.id);

describe('tabs by role', () => {
  it('shows a Callback Monitor no Designer, provisioning or access tab', () => {
    expect(ids(['callbackMonitor'])).toEqual([]);
  });
  it('shows a Callback Developer no Designer tab', () => {
    expect(ids(['callbackDeveloper'])).toEqual([]);
  });
  it('shows the platform administrator every tab, access control included', () => {
    expect(ids(['administrator'])).toEqual(['applications', 'businessHours', 'callbackSettings', 'access']);
  });
  it('finds the tab of a nested path', () => {
    expect(tabOf('/applications/sales-ivr')?.id).toBe('applications');
    expect(tabOf('/access/users')?.id).toBe('access');
    expect(tabOf('/nowhere')).toBeUndefined();
  });
});
