/**
 * Variables every call has. User variables may not take these names. Read-only ones are set
 * by the runtime (and by the blocks named below) and cannot be targets of Assign Variables or
 * of a block's result variable.
 */
export interface SystemVariable {
  name: string;
  readOnly: boolean;
  type: 'string' | 'number';
  description: string;
}

const v = (name: string, readOnly: boolean, type: SystemVariable['type'], description: string) => ({
  name,
  readOnly,
  type,
  description,
});

export const systemVariables: readonly SystemVariable[] = [
  v('ANI', true, 'string', "The caller's number (E.164 when it can be parsed)."),
  v('DNIS', true, 'string', 'The number the caller dialled.'),
  v('CallUUID', true, 'string', 'Unique id of this call.'),
  v('ApplicationId', true, 'string', 'Id of the running application.'),
  v('ApplicationVersion', true, 'number', 'Published version of the running application.'),
  v('CallStartTime', true, 'string', 'When the call started, ISO 8601 in the call time zone.'),
  v(
    'Timezone',
    false,
    'string',
    'IANA time zone used by now(), today(), hour() and the other date functions; defaults to the server setting.',
  ),
  v('AppLanguageName', false, 'string', 'Language of prompts without their own language, e.g. en-US.'),
  v(
    'RoutingVirtualQueue',
    false,
    'string',
    'Virtual queue used by Route Call in system-variables mode; set by Route Call when routed.',
  ),
  v(
    'RoutingSkillExpression',
    false,
    'string',
    'Skill expression used by Route Call in system-variables mode.',
  ),
  v('RoutingPriority', false, 'number', 'Priority used by Route Call in system-variables mode.'),
  v('RoutingAgentId', true, 'string', 'The agent the call was routed to; set by Route Call.'),
  v(
    'LastErrorCode',
    true,
    'string',
    'Code of the last block error (e.g. EXPRESSION_ERROR, RESOURCE_MISSING).',
  ),
  v('LastErrorMessage', true, 'string', 'Message of the last block error.'),
  v('CallbackId', true, 'string', 'Id of the callback booked by, or being executed by, Callback V2.'),
  v(
    'CallbackConnectResult',
    true,
    'string',
    "A Callback application's call: connected, failed or expired (Callback V2's outcome); set by the engine.",
  ),
];

const byName = new Map(systemVariables.map((variable) => [variable.name, variable]));

export function findSystemVariable(name: string): SystemVariable | undefined {
  return byName.get(name);
}
