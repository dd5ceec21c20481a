import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../blocks/registry.ts';
import { type BlockCatalog, validateApplication } from './validate.ts';
import { generatedApplication } from './validate-fixtures.ts';

const catalog: BlockCatalog = {
  find: (type) => {
    const b = blockRegistry.get(type);
    return b && { definition: b.definition, runnable: b.handler !== undefined };
  },
};

describe('validateApplication performance', () => {
  it('validates a generated 2,000-block application quickly once warm', () => {
    const document = generatedApplication(2000);
    const first = validateApplication(document, catalog);
    expect(first.issues).toEqual([]);
    const runs = 10;
    const timings: number[] = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      validateApplication(document, catalog);
      timings.push(performance.now() - start);
    }
    timings.sort((a, b) => a - b);
    const median = timings[Math.floor(runs / 2)]!;
    console.info(`2,000-block validation: median ${median.toFixed(1)} ms, best ${timings[0]!.toFixed(1)} ms`);
    // The target is 50 ms; the bound is generous so a busy CI machine does not fail the run.
    expect(median).toBeLessThan(500);
  });

  it('reports one loop warning for a 5,000-block loop without input', () => {
    const document = generatedApplication(5000);
    for (const block of Object.values(document.blocks)) {
      if (block!.type === 'user-input') block!.disabled = true;
    }
    const loops = validateApplication(document, catalog).issues.filter(
      (i) => i.code === 'LOOP_WITHOUT_INPUT',
    );
    expect(loops).toHaveLength(1);
    expect(loops[0]).toMatchObject({ blockId: 'b0' });
    expect(loops[0]!.message).toMatch(/and 4990 more$/);
  });
});
