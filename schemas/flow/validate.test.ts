import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../blocks/registry.ts';
import type { BlockDefinition } from '../block-definition.generated.ts';
import { type BlockCatalog, validateApplication } from './validate.ts';
import { edited, instance, summary, validApplication } from './validate-fixtures.ts';

const catalog: BlockCatalog = {
  find: (type) => {
    const b = blockRegistry.get(type);
    return b && { definition: b.definition, runnable: b.handler !== undefined };
  },
};

const validate = (document: unknown) => validateApplication(document, catalog);

/** Every block of the library runs now; a build that lacks one runtime is played by this catalog. */
const withoutMatchRuntime: BlockCatalog = {
  find: (type) => {
    const found = catalog.find(type);
    return found && type === 'click-to-call-in-match' ? { ...found, runnable: false } : found;
  },
};

describe('validateApplication', () => {
  it('accepts a valid application without issues and returns it typed', () => {
    const document = validApplication();
    const report = validate(document);
    expect(report.issues).toEqual([]);
    expect(report).toMatchObject({ valid: true, errors: 0, warnings: 0, application: document });
  });

  describe('document schema', () => {
    it('reports every schema failure as FLOW_SCHEMA and stops there', () => {
      const document = edited((a) => {
        (a as { name: string }).name = '';
        (a.blocks.welcome as { extra?: number }).extra = 1;
        delete (a.blocks.ask as { next?: unknown }).next;
        a.blocks.bye!.type = 'no-such-block';
      });
      const report = validate(document);
      expect(summary(report.issues)).toEqual([
        'FLOW_SCHEMA@/name',
        'FLOW_SCHEMA@/blocks/welcome/extra (welcome)',
        'FLOW_SCHEMA@/blocks/ask/next (ask)',
      ]);
      expect(report.issues[2]!.message).toBe('/blocks/ask/next is required');
      expect(report).toMatchObject({ valid: false, errors: 3, warnings: 0, application: undefined });
    });

    it('rejects something that is not an application at all', () => {
      expect(summary(validate('hello').issues)).toEqual(['FLOW_SCHEMA@']);
      expect(validate(null).valid).toBe(false);
    });
  });

  it('warns about an application with no blocks', () => {
    const report = validate(
      edited((a) => {
        a.blocks = {};
        a.phases.selfService = null;
      }),
    );
    expect(summary(report.issues)).toEqual(['EMPTY_FLOW@']);
    expect(report).toMatchObject({ valid: true, warnings: 1 });
  });

  describe('blocks', () => {
    it('reports an unknown block type and still checks its links', () => {
      const report = validate(
        edited((a) => {
          a.blocks.bye = instance('fax-machine', 'selfService', {}, { next: 'gone' });
        }),
      );
      expect(summary(report.issues)).toEqual([
        'UNKNOWN_BLOCK_TYPE@/blocks/bye/type (bye)',
        'LINK_TO_MISSING_BLOCK@/blocks/bye/next/next (bye)',
      ]);
    });

    it('reports an unsupported version without checking the old properties', () => {
      const report = validate(
        edited((a) => {
          a.blocks.ask!.typeVersion = 2;
          a.blocks.ask!.properties = { oldField: true };
        }),
      );
      expect(summary(report.issues)).toEqual(['UNKNOWN_BLOCK_VERSION@/blocks/ask/typeVersion (ask)']);
    });

    it('reports each invalid property with its pointer inside the block', () => {
      const report = validate(
        edited((a) => {
          a.blocks.ask!.properties = {
            prompts: [{ type: 'tts', value: '' }],
            retries: 20,
            colour: 'red',
          };
        }),
      );
      expect(summary(report.issues)).toEqual([
        'BLOCK_PROPERTIES_INVALID@/blocks/ask/properties/resultVariable (ask)',
        'BLOCK_PROPERTIES_INVALID@/blocks/ask/properties/colour (ask)',
        'BLOCK_PROPERTIES_INVALID@/blocks/ask/properties/prompts/0/value (ask)',
        'BLOCK_PROPERTIES_INVALID@/blocks/ask/properties/retries (ask)',
      ]);
      expect(report.issues.map((i) => i.message)).toEqual([
        'Property resultVariable is required',
        'Property colour is not allowed here',
        'Property prompts/0/value must not be empty',
        'Property retries must be <= 9',
      ]);
    });

    it('reports a block whose runtime is not written yet', () => {
      const report = validateApplication(
        edited((a) => {
          a.phases.assistedService = 'offer';
          a.blocks.offer = instance(
            'click-to-call-in-match',
            'assistedService',
            { matchCriteria: ['ani'] },
            {},
          );
        }),
        withoutMatchRuntime,
      );
      const notRunnable = report.issues.filter((i) => i.code === 'BLOCK_NOT_RUNNABLE');
      expect(notRunnable).toEqual([
        {
          severity: 'error',
          code: 'BLOCK_NOT_RUNNABLE',
          message: 'Click-to-Call-In Match cannot run yet in this version of Ringback',
          blockId: 'offer',
          pointer: '/blocks/offer/type',
        },
      ]);
    });

    it('reports a block not allowed in the application type', () => {
      const report = validate(
        edited((a) => {
          a.type = 'Callback';
          a.blocks.match = instance('click-to-call-in-match', 'selfService', { matchCriteria: ['ani'] });
          a.blocks.bye!.next = {};
        }),
      );
      expect(summary(report.issues.filter((i) => i.severity === 'error'))).toEqual([
        'APP_TYPE_NOT_ALLOWED@/blocks/match/type (match)',
      ]);
    });

    it('reports a block in a phase its definition does not allow', () => {
      const report = validate(
        edited((a) => {
          a.blocks.ask!.phase = 'initialize';
          a.blocks.ask!.next = {};
          a.phases.initialize = 'ask';
          a.blocks.welcome!.next = { next: 'bye' };
        }),
      );
      expect(summary(report.issues)).toContain('PHASE_NOT_ALLOWED@/blocks/ask/phase (ask)');
      expect(report.issues.find((i) => i.code === 'PHASE_NOT_ALLOWED')?.message).toBe(
        'User Input is not allowed in the initialize phase of a Default application',
      );
    });
  });

  describe('variables', () => {
    it('reports a variable declared twice', () => {
      const report = validate(edited((a) => a.variables.push({ name: 'Choice' })));
      expect(summary(report.issues)).toEqual(['DUPLICATE_VARIABLE@/variables/1/name']);
    });

    it('reports a user variable that takes a system variable name', () => {
      const report = validate(edited((a) => a.variables.push({ name: 'ANI' })));
      expect(summary(report.issues)).toEqual(['RESERVED_VARIABLE@/variables/1/name']);
    });

    it('reports reads of undeclared variables in expressions, by field', () => {
      const report = validate(
        edited((a) => {
          a.blocks.welcome!.next = { next: 'set' };
          a.blocks.set = instance(
            'assign-variables',
            'selfService',
            {
              assignments: [
                { variable: 'Choice', expression: 'Choice + Missing' },
                { variable: 'Timezone', expression: "Other ?? 'Europe/Paris'" },
              ],
            },
            { next: 'ask' },
          );
        }),
      );
      expect(summary(report.issues)).toEqual([
        'UNDECLARED_VARIABLE@/blocks/set/properties/assignments/0/expression (set)',
        'UNDECLARED_VARIABLE@/blocks/set/properties/assignments/1/expression (set)',
      ]);
      expect(report.issues[0]!.message).toBe('Variable Missing is not declared');
    });

    it('reports writes to undeclared and read-only variables', () => {
      const report = validate(
        edited((a) => {
          a.blocks.welcome!.next = { next: 'set' };
          a.blocks.set = instance(
            'assign-variables',
            'selfService',
            {
              assignments: [
                { variable: 'Nowhere', expression: '1' },
                { variable: 'ANI', expression: "'+15550100'" },
                { variable: 'RoutingPriority', expression: '5' },
              ],
            },
            { next: 'ask' },
          );
        }),
      );
      expect(summary(report.issues)).toEqual([
        'UNDECLARED_VARIABLE@/blocks/set/properties/assignments/0/variable (set)',
        'READ_ONLY_VARIABLE@/blocks/set/properties/assignments/1/variable (set)',
      ]);
    });
  });

  describe('expressions and prompts', () => {
    const withCondition = (expression: string) =>
      edited((a) => {
        a.blocks.welcome!.next = { next: 'route' };
        a.blocks.route = instance(
          'segmentation',
          'selfService',
          { conditions: [{ expression }] },
          { 'condition:1': 'ask', default: 'ask' },
        );
      });

    it.each([
      ['Choice ==', 'EXPRESSION_SYNTAX'],
      ['Choice = 1', 'EXPRESSION_UNSUPPORTED'],
      ['shout(Choice)', 'UNKNOWN_FUNCTION'],
    ])('reports %s as %s at the field', (expression, code) => {
      const report = validate(withCondition(expression));
      expect(summary(report.issues)).toEqual([
        `${code}@/blocks/route/properties/conditions/0/expression (route)`,
      ]);
    });

    it('accepts expressions that read declared and system variables', () => {
      expect(validate(withCondition("Choice == '1' && len(ANI) > 3")).issues).toEqual([]);
    });

    it('checks variable prompts as expressions and tts prompts as templates, not audio', () => {
      const report = validate(
        edited((a) => {
          a.blocks.welcome!.properties = {
            prompts: [
              { type: 'variable', value: 'Greeting' },
              { type: 'tts', value: 'Your number is {ANI} and {Unknown}' },
              { type: 'tts', value: 'Broken {Choice +' },
              { type: 'audio', value: '{not an expression' },
              { type: 'tts', value: 'Braces {{ are }} fine' },
            ],
          };
        }),
      );
      expect(summary(report.issues)).toEqual([
        'UNDECLARED_VARIABLE@/blocks/welcome/properties/prompts/0/value (welcome)',
        'UNDECLARED_VARIABLE@/blocks/welcome/properties/prompts/1/value (welcome)',
        'EXPRESSION_SYNTAX@/blocks/welcome/properties/prompts/2/value (welcome)',
      ]);
    });

    it('checks every prompt list a block names', () => {
      const report = validate(
        edited((a) => {
          a.blocks.ask!.properties = {
            resultVariable: 'Choice',
            prompts: [{ type: 'tts', value: 'Your choice?' }],
            noMatchPrompts: [{ type: 'variable', value: 'Nope' }],
          };
        }),
      );
      expect(summary(report.issues)).toEqual([
        'UNDECLARED_VARIABLE@/blocks/ask/properties/noMatchPrompts/0/value (ask)',
      ]);
    });

    it('skips empty optional fields, leaving required ones to the schema', () => {
      const report = validate(
        edited((a) => {
          a.blocks.ask!.properties = {
            resultVariable: '',
            prompts: [{ type: 'tts', value: 'Your choice?' }],
          };
        }),
      );
      expect(summary(report.issues)).toEqual([
        'BLOCK_PROPERTIES_INVALID@/blocks/ask/properties/resultVariable (ask)',
      ]);
    });
  });

  it('reports all issues of a document at once', () => {
    const report = validate(
      edited((a) => {
        a.variables.push({ name: 'Choice' });
        a.phases.finalize = 'ghost';
        a.blocks.welcome!.properties = { prompts: [{ type: 'variable', value: 'Nope' }] };
        a.blocks.ask!.next = { next: 'bye', noInput: 'gone' };
      }),
    );
    expect(summary(report.issues)).toEqual([
      'DUPLICATE_VARIABLE@/variables/1/name',
      'UNDECLARED_VARIABLE@/blocks/welcome/properties/prompts/0/value (welcome)',
      'LINK_TO_MISSING_BLOCK@/blocks/ask/next/noInput (ask)',
      'UNCONNECTED_OUTCOME@/blocks/ask/next/noMatch (ask)',
      'PHASE_ENTRY_MISSING@/phases/finalize',
    ]);
    expect(report).toMatchObject({ valid: false, errors: 4, warnings: 1 });
  });

  it('uses only the injected catalog', () => {
    const definition = { ...blockRegistry.get('play-message')!.definition, id: 'beep' } as BlockDefinition;
    const tiny: BlockCatalog = {
      find: (type) => (type === 'beep' ? { definition, runnable: true } : undefined),
    };
    const report = validateApplication(
      edited((a) => {
        a.blocks.welcome!.type = 'beep';
        a.blocks.welcome!.next = {};
        a.blocks.ask!.next = {};
      }),
      tiny,
    );
    expect(summary(report.issues)).toEqual([
      'UNKNOWN_BLOCK_TYPE@/blocks/ask/type (ask)',
      'UNKNOWN_BLOCK_TYPE@/blocks/bye/type (bye)',
      'UNREACHABLE_BLOCK@/blocks/ask (ask)',
      'UNREACHABLE_BLOCK@/blocks/bye (bye)',
    ]);
  });
});
