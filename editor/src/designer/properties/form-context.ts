import { createContext, useContext } from 'react';
import type { JsonSchema } from './json-schema.ts';

/** What every field of one block's form shares: the schema root (for $refs) and pickable names. */
export interface FormContextValue {
  root: JsonSchema;
  variableNames: string[];
  businessHoursNames: string[];
}

export const FormContext = createContext<FormContextValue>({
  root: {},
  variableNames: [],
  businessHoursNames: [],
});

export const useFormContext = () => useContext(FormContext);
