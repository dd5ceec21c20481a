import { describe, expect, it } from 'vitest';
import { isCycle, reachableFrom, stronglyConnectedComponents } from './graph.ts';

const sorted = (components: number[][]) => components.map((c) => [...c].sort((a, b) => a - b));

describe('stronglyConnectedComponents', () => {
  it('finds each cycle as one component and lone nodes as their own', () => {
    // 0 → 1 → 2 → 0, 2 → 3, 3 → 4 → 3, 5 alone
    const successors = [[1], [2], [0, 3], [4], [3], []];
    const components = sorted(stronglyConnectedComponents(successors));
    expect(components).toHaveLength(3);
    expect(components).toEqual(expect.arrayContaining([[0, 1, 2], [3, 4], [5]]));
  });

  it('treats a node linked to itself as a cycle, and a lone node as none', () => {
    const successors = [[0], []];
    const [self, lone] = sorted(stronglyConnectedComponents(successors));
    expect(isCycle(self!, successors)).toBe(true);
    expect(isCycle(lone!, successors)).toBe(false);
  });

  it('walks a 5,000-node chain without exhausting the call stack', () => {
    const count = 5000;
    const chain = Array.from({ length: count }, (_, i) => (i + 1 < count ? [i + 1] : [0]));
    const components = stronglyConnectedComponents(chain);
    expect(components).toHaveLength(1);
    expect(components[0]).toHaveLength(count);
    const open = Array.from({ length: count }, (_, i) => (i + 1 < count ? [i + 1] : []));
    expect(stronglyConnectedComponents(open)).toHaveLength(count);
  });
});

describe('reachableFrom', () => {
  it('marks the start and everything it leads to', () => {
    const reached = reachableFrom([[1], [2], [], [0]], 0);
    expect([...reached]).toEqual([1, 1, 1, 0]);
  });
});
