import { createContext, useContext } from 'react';
import type { JsonSchema } from './json-schema.ts';

/** What every field of one block's form shares: the schema root (for $refs) and pickable names. */
export interface FormContextValue {
  root: JsonSchema;
  variableNames: string[];
  businessHoursNames: string[];
  /** The block the form edits, so a field can find its issues (pointers into the document). */
  blockId: string;
}

export const FormContext = createContext<FormContextValue>({
  root: {},
  variableNames: [],
  businessHoursNames: [],
  blockId: '',
});

export const useFormContext = () => useContext(FormContext);
