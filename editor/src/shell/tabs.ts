/**
 * The top-level tabs and the roles that open each. The top bar shows a user only the tabs its
 * roles open; the runtime refuses the same routes, so hiding is for comfort, not for security.
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
const callbackRoles = [
  'callbackAdministrator',
  'callbackSupervisor',
  'callbackMonitor',
  'callbackDeveloper',
] as const;
const developerTabRoles = ['callbackAdministrator', 'callbackDeveloper'] as const;

export const tabs: readonly Tab[] = [
  { id: 'applications', path: '/applications', roles: designerRoles },
  { id: 'businessHours', path: '/business-hours', roles: designerRoles },
  { id: 'callbackSettings', path: '/callback-settings', roles: designerRoles },
  { id: 'callbacks', path: '/callbacks', roles: callbackRoles },
  { id: 'monitor', path: '/monitor', roles: callbackRoles },
  { id: 'reports', path: '/reports', roles: callbackRoles },
  { id: 'tools', path: '/tools', roles: callbackRoles },
  { id: 'developer', path: '/developer', roles: developerTabRoles },
];

export function visibleTabs(userRoles: readonly string[]): Tab[] {
  return tabs.filter((tab) => tab.roles.some((role) => userRoles.includes(role)));
}
