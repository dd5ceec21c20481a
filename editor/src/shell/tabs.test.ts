import { describe, expect, it } from 'vitest';
import { tabOf, visibleTabs } from './tabs.ts';

const ids = (roles: string[]) => visibleTabs(roles).map((t) => t.id);

describe('tabs by role', () => {
  it('shows a Callback Monitor the console tabs but no Designer, Developer, Call-In or access tab', () => {
    expect(ids(['callbackMonitor'])).toEqual(['callbacks', 'monitor', 'reports', 'tools']);
  });
  it('shows a Callback Developer the console with its Developer tab but no Designer tab', () => {
    expect(ids(['callbackDeveloper'])).toEqual([
      'callbacks',
      'monitor',
      'reports',
      'tools',
      'developer',
      'callIn',
    ]);
  });
  it('shows the platform administrator every tab, access control included', () => {
    expect(ids(['administrator'])).toEqual([
      'applications',
      'businessHours',
      'callbackSettings',
      'callbacks',
      'monitor',
      'reports',
      'tools',
      'developer',
      'access',
      'callIn',
    ]);
  });
  it('finds the tab of a nested path', () => {
    expect(tabOf('/applications/sales-ivr')?.id).toBe('applications');
    expect(tabOf('/access/users')?.id).toBe('access');
    expect(tabOf('/tools/call-in-config')?.id).toBe('tools');
    expect(tabOf('/nowhere')).toBeUndefined();
  });
});
