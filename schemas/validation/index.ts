/**
 * One Ajv instance (JSON Schema 2020-12) preloaded with every schema in schemas/, shared by the
 * runtime and the editor, so both report the same schema issues. Block property schemas
 * (which $ref common.schema.json) are compiled on demand and cached per schema object.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import accessSchema from '../access.schema.json' with { type: 'json' };
import apiSchema from '../api.schema.json' with { type: 'json' };
import applicationSchema from '../application.schema.json' with { type: 'json' };
import blockDefinitionSchema from '../block-definition.schema.json' with { type: 'json' };
import businessHoursSchema from '../business-hours.schema.json' with { type: 'json' };
import callInSchema from '../call-in.schema.json' with { type: 'json' };
import callbackSettingsSchema from '../callback-settings.schema.json' with { type: 'json' };
import callbacksApiSchema from '../callbacks-api.schema.json' with { type: 'json' };
import capacityRuleSchema from '../capacity-rule.schema.json' with { type: 'json' };
import commonSchema from '../common.schema.json' with { type: 'json' };
import consoleApiSchema from '../console-api.schema.json' with { type: 'json' };
import developerCredentialsSchema from '../developer-credentials.schema.json' with { type: 'json' };
import errorCatalogueSchema from '../error-catalogue.schema.json' with { type: 'json' };
import numberValidationRuleSchema from '../number-validation-rule.schema.json' with { type: 'json' };
import regionAffinityRuleSchema from '../region-affinity-rule.schema.json' with { type: 'json' };
import { type SchemaIssue, toSchemaIssues } from './issues.ts';

export { escapePointerSegment, type SchemaIssue } from './issues.ts';

/** Every schemas/*.schema.json; a test checks that this list matches the folder. */
export const bundledSchemas: readonly { $id: string }[] = [
  accessSchema,
  apiSchema,
  applicationSchema,
  blockDefinitionSchema,
  businessHoursSchema,
  callInSchema,
  callbackSettingsSchema,
  callbacksApiSchema,
  capacityRuleSchema,
  commonSchema,
  consoleApiSchema,
  developerCredentialsSchema,
  errorCatalogueSchema,
  numberValidationRuleSchema,
  regionAffinityRuleSchema,
];

const schemaBase = 'https://ringback.dev/schemas/';

export interface SchemaValidator {
  /**
   * Validates against a preloaded schema, by its $id or its file name
   * ('application.schema.json'), optionally with a fragment ('api.schema.json#/$defs/loginRequest').
   * Throws for an unknown schema. No issues means valid.
   */
  validate(schemaId: string, value: unknown): SchemaIssue[];
  /** Compiles a schema (e.g. a block's properties); cached per schema object. */
  compile(schema: object): (value: unknown) => SchemaIssue[];
}

export function createSchemaValidator(): SchemaValidator {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  // CJS interop: Node hands us module.exports, bundlers the `default` export; both are the plugin.
  const formats = (addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats;
  formats(ajv);
  ajv.addKeyword('x-ui');
  for (const schema of bundledSchemas) ajv.addSchema(schema);

  const compiled = new WeakMap<object, (value: unknown) => SchemaIssue[]>();
  const byId = new Map<string, ValidateFunction>();

  const wrap = (validateFunction: ValidateFunction) => (value: unknown) =>
    validateFunction(value) ? [] : toSchemaIssues(validateFunction.errors);

  return {
    validate(schemaId, value) {
      const id = /^https?:/.test(schemaId) ? schemaId : `${schemaBase}${schemaId}`;
      let validateFunction = byId.get(id);
      if (validateFunction === undefined) {
        validateFunction = ajv.getSchema(id);
        if (validateFunction === undefined) throw new Error(`unknown schema ${schemaId}`);
        byId.set(id, validateFunction);
      }
      return wrap(validateFunction)(value);
    },
    compile(schema) {
      let check = compiled.get(schema);
      if (check === undefined) {
        check = wrap(ajv.compile(schema));
        compiled.set(schema, check);
      }
      return check;
    },
  };
}

let shared: SchemaValidator | undefined;

/** The process-wide validator, created on first use (compiling every schema takes a moment). */
export function schemaValidator(): SchemaValidator {
  shared ??= createSchemaValidator();
  return shared;
}
