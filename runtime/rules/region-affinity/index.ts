export type { RegionAffinityIssue, RegionAffinityRule } from './rule.ts';
export { pickRegion, regionOrder, validateRegionAffinityRule } from './rule.ts';
