/**
 * The named policies routes declare as their `roles` (route-spec.ts): each is the list of roles
 * any one of which opens the route, so the most permissive role a user holds wins, as the guide
 * says. The callback policies follow the guide's "Controlling user access" and the tabs of
 * "Overview of the Callback UI":
 *
 *   Callback Administrator  everything: the Callback tab in full, Tools, the Developer tab
 *   Callback Supervisor     the Callback tab in full (create, cancel, reschedule, export), Tools;
 *                           no Developer tab
 *   Callback Monitor        views callbacks (and reads the rules, read-only)
 *   Callback Developer      views callbacks; the Developer tab in full, including provisioning
 *                           (CALLBACK_SETTINGS) and the number-validation rules it may create
 *
 * `administrator` (the platform's) opens every route and reads every line of business: it is the
 * one who sets access groups and queue permissions up. docs/access-control.md is the resulting
 * route × role table (scripts/gen-access-table.ts writes it from the declarations).
 */
import { designers, designReaders, type Role } from './roles.ts';

export { designers, designReaders };

/** The Callback tab, read only ("Callback Monitor is the minimum role"). */
export const callbackViewers: Role[] = [
  'administrator',
  'callbackAdministrator',
  'callbackSupervisor',
  'callbackMonitor',
  'callbackDeveloper',
];

/** Create, cancel, reschedule, recreate, bulk cancel and export callbacks. */
export const callbackManagers: Role[] = ['administrator', 'callbackAdministrator', 'callbackSupervisor'];

/** The Developer tab (errors, API keys, credentials, push notifications, CORS list). */
export const callbackDevelopers: Role[] = ['administrator', 'callbackAdministrator', 'callbackDeveloper'];

/** Provisioning callback queues: CALLBACK_SETTINGS rows (Designer's data table, or the Developer tab). */
export const callbackProvisioners: Role[] = [
  'administrator',
  'developer',
  'callbackAdministrator',
  'callbackDeveloper',
];

/** Capacity and Region Affinity rules: "you must be a member of the Callback Administrator role". */
export const callbackAdministrators: Role[] = ['administrator', 'callbackAdministrator'];

/** Country and number validation rules: Administrator, Developer or Supervisor. */
export const numberRuleEditors: Role[] = [
  'administrator',
  'callbackAdministrator',
  'callbackSupervisor',
  'callbackDeveloper',
];

/** Rules are read by every callback role (read-only for those who may not edit them). */
export const ruleReaders: Role[] = [...callbackViewers, 'developer'];

/**
 * Users, access groups, queue folders and queue permissions: the platform administrator's, as
 * the guide leaves them to Platform Administration, outside the Callback UI. A Callback
 * Administrator could otherwise grant itself a line of business or a Designer role.
 */
export const accessAdministrators: Role[] = ['administrator'];
