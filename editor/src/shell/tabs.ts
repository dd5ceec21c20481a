/**
 * The top-level tabs and the roles that open each. The top bar shows a user only the tabs its
 * roles open; the runtime refuses the same routes, so hiding is for comfort, not for security.
 * The roles mirror the routes' policies (runtime/auth/policies.ts, docs/access-control.md).
 * Add a screen by adding a line here (and its route in route.ts).
 */
export interface Tab {
  /** Key under `tabs.` in the shell namespace. */
  id: string;
  path: string;
  /** Any one of these roles opens the tab. */
  roles: readonly string[];
}

const designerRoles = ['administrator', 'developer', 'businessUser'] as const;
/** Users, access groups and lines of business: the platform administrator's. */
const accessRoles = ['administrator'] as const;
/** The Callback console: the platform administrator holds every callback role's rights. */
const callbackRoles = [
  'administrator',
  'callbackAdministrator',
  'callbackSupervisor',
  'callbackMonitor',
  'callbackDeveloper',
] as const;
const developerTabRoles = ['administrator', 'callbackAdministrator', 'callbackDeveloper'] as const;

export const tabs: readonly Tab[] = [
  { id: 'applications', path: '/applications', roles: designerRoles },
  { id: 'businessHours', path: '/business-hours', roles: designerRoles },
  // Designer's data table: its screen picks applications and business hours, which Designer roles read.
  { id: 'callbackSettings', path: '/callback-settings', roles: designerRoles },
  { id: 'callbacks', path: '/callbacks', roles: callbackRoles },
  { id: 'monitor', path: '/monitor', roles: callbackRoles },
  { id: 'reports', path: '/reports', roles: callbackRoles },
  { id: 'tools', path: '/tools', roles: callbackRoles },
  { id: 'developer', path: '/developer', roles: developerTabRoles },
  { id: 'access', path: '/access', roles: accessRoles },
  { id: 'callIn', path: '/call-in', roles: ['administrator', 'callbackAdministrator', 'callbackDeveloper'] },
  // Click-To-Call-In Config is a page of the Tools tab (#/tools/call-in-config), as in the guide.
];

export function visibleTabs(userRoles: readonly string[]): Tab[] {
  return tabs.filter((tab) => tab.roles.some((role) => userRoles.includes(role)));
}

/** The tab a path belongs to (its first segment), if any. */
export function tabOf(path: string): Tab | undefined {
  const first = `/${path.replace(/^#?\//, '').split('/')[0] ?? ''}`;
  return tabs.find((tab) => tab.path === first);
}
