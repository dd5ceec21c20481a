import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../blocks/registry.ts';
import { type BlockCatalog, validateApplication } from './validate.ts';
import { edited, instance, summary } from './validate-fixtures.ts';

const catalog: BlockCatalog = {
  find: (type) => {
    const b = blockRegistry.get(type);
    return b && { definition: b.definition, runnable: b.handler !== undefined };
  },
};

const validate = (document: unknown) => validateApplication(document, catalog);

describe('validateApplication: the graph', () => {
  describe('links and phase entries', () => {
    it('reports a link from an outcome the block does not have', () => {
      const report = validate(edited((a) => (a.blocks.welcome!.next = { next: 'ask', done: 'bye' })));
      expect(summary(report.issues)).toEqual(['UNKNOWN_OUTCOME@/blocks/welcome/next/done (welcome)']);
    });

    it('knows dynamic outcomes such as menu options', () => {
      const report = validate(
        edited((a) => {
          a.blocks.ask = instance(
            'menu',
            'selfService',
            { prompts: [{ type: 'tts', value: 'Press 1 or #.' }], options: [{ digit: '1' }, { digit: '#' }] },
            { 'option:1': 'bye', 'option:hash': 'bye', 'option:2': 'bye', noInput: 'bye', noMatch: 'bye' },
          );
        }),
      );
      expect(summary(report.issues)).toEqual(['UNKNOWN_OUTCOME@/blocks/ask/next/option:2 (ask)']);
    });

    it('reports a link to a missing block', () => {
      const report = validate(edited((a) => (a.blocks.ask!.next.noMatch = 'ghost')));
      expect(summary(report.issues)).toEqual(['LINK_TO_MISSING_BLOCK@/blocks/ask/next/noMatch (ask)']);
    });

    it('reports a link into another phase', () => {
      const report = validate(
        edited((a) => {
          a.phases.finalize = 'log';
          a.blocks.log = instance('assign-variables', 'finalize', { assignments: [] });
          a.blocks.ask!.next.noMatch = 'log';
        }),
      );
      expect(summary(report.issues)).toEqual(['LINK_ACROSS_PHASES@/blocks/ask/next/noMatch (ask)']);
    });

    it('escapes pointer segments of outcome names', () => {
      const report = validate(edited((a) => (a.blocks.welcome!.next['a/b~c'] = 'ask')));
      expect(summary(report.issues)).toEqual(['UNKNOWN_OUTCOME@/blocks/welcome/next/a~1b~0c (welcome)']);
    });

    it('reports a phase entry naming a missing block', () => {
      const report = validate(edited((a) => (a.phases.finalize = 'ghost')));
      expect(summary(report.issues)).toEqual(['PHASE_ENTRY_MISSING@/phases/finalize']);
    });

    it('reports a phase entry naming a block of another phase', () => {
      const report = validate(edited((a) => (a.phases.assistedService = 'ask')));
      expect(summary(report.issues)).toEqual(['PHASE_ENTRY_WRONG_PHASE@/phases/assistedService (ask)']);
    });
  });

  describe('warnings', () => {
    it('warns about each unconnected outcome, but not for blocks that end the call', () => {
      const report = validate(edited((a) => (a.blocks.ask!.next = { next: 'bye' })));
      expect(summary(report.issues)).toEqual([
        'UNCONNECTED_OUTCOME@/blocks/ask/next/noInput (ask)',
        'UNCONNECTED_OUTCOME@/blocks/ask/next/noMatch (ask)',
      ]);
      expect(report).toMatchObject({ valid: true, errors: 0, warnings: 2 });
    });

    it('warns about blocks their phase entry never reaches', () => {
      const report = validate(
        edited((a) => {
          a.blocks.orphan = instance('terminate-call', 'selfService');
          a.blocks.lost = instance('assign-variables', 'finalize', { assignments: [] });
        }),
      );
      expect(summary(report.issues)).toEqual([
        'UNREACHABLE_BLOCK@/blocks/orphan (orphan)',
        'UNREACHABLE_BLOCK@/blocks/lost (lost)',
      ]);
      expect(report.issues[1]!.message).toBe(
        'The block is never reached: the finalize phase has no valid start block',
      );
    });

    it('warns once per loop that no input block breaks, naming its blocks', () => {
      const report = validate(
        edited((a) => {
          a.blocks.welcome!.next = { next: 'z1' };
          a.blocks.z1 = instance('assign-variables', 'selfService', { assignments: [] }, { next: 'a2' });
          a.blocks.a2 = instance(
            'segmentation',
            'selfService',
            { conditions: [{ expression: 'true' }] },
            { 'condition:1': 'z1', default: 'ask' },
          );
          a.blocks.bye = instance('assign-variables', 'selfService', { assignments: [] }, { next: 'bye' });
        }),
      );
      expect(summary(report.issues)).toEqual([
        'LOOP_WITHOUT_INPUT@/blocks/a2 (a2)',
        'LOOP_WITHOUT_INPUT@/blocks/bye (bye)',
      ]);
      expect(report.issues[0]!.message).toBe(
        'These blocks form a loop with no block that waits for caller input: a2, z1',
      );
    });

    it('does not warn about a loop through an input block, unless that block is disabled', () => {
      const loop = edited((a) => (a.blocks.ask!.next = { next: 'welcome', noInput: 'bye', noMatch: 'bye' }));
      expect(validate(loop).issues).toEqual([]);
      loop.blocks.ask!.disabled = true;
      expect(summary(validate(loop).issues)).toEqual(['LOOP_WITHOUT_INPUT@/blocks/ask (ask)']);
    });
  });
});
