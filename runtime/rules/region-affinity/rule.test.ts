import { describe, expect, it } from 'vitest';
import { pickRegion, type RegionAffinityRule, validateRegionAffinityRule } from './rule.ts';

// The seed's example: N. California first, then S. California, then Oregon.
const west: RegionAffinityRule = {
  name: 'West',
  preferred: ['N. California', 'S. California'],
  fallback: ['Oregon'],
  ignored: ['Virginia'],
};

describe('pickRegion', () => {
  it('picks the first preferred region while it is healthy', () => {
    expect(pickRegion(west, ['Oregon', 'S. California', 'N. California'])).toBe('N. California');
  });

  it('moves to the next preferred region, then to the fallbacks in order', () => {
    expect(pickRegion(west, ['Oregon', 'S. California'])).toBe('S. California');
    expect(pickRegion(west, ['Oregon', 'Virginia'])).toBe('Oregon');
  });

  it('never uses an ignored region', () => {
    expect(pickRegion(west, ['Virginia'])).toBeNull();
  });
});

describe('validateRegionAffinityRule', () => {
  it('requires a preferred region and each region in one list only', () => {
    const issues = validateRegionAffinityRule({
      name: 'X',
      preferred: [],
      fallback: ['Oregon'],
      ignored: ['Oregon'],
    });
    expect(issues.map((issue) => issue.pointer)).toEqual(['/preferred', '/ignored/0']);
  });
});
