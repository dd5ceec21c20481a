/** System variables every call has, from the shared expression module; offered by variable pickers. */
import { systemVariables } from '../../../../schemas/expressions/index.ts';

export const SYSTEM_VARIABLES: readonly string[] = systemVariables.map((v) => v.name);

const READ_ONLY = new Set(systemVariables.filter((v) => v.readOnly).map((v) => v.name));

/** Whether a test call may change this variable: everything but the read-only system variables. */
export const isWritableVariable = (name: string): boolean => !READ_ONLY.has(name);
