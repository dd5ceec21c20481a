/** System variables every call has, from the shared expression module; offered by variable pickers. */
import { systemVariables } from '../../../../schemas/expressions/index.ts';

export const SYSTEM_VARIABLES: readonly string[] = systemVariables.map((v) => v.name);
