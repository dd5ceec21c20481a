/**
 * Region Affinity rules (seed, "Configuring Region Affinity rules"): every known region sits in
 * one of three lists. Work for a queue goes to a healthy node of the first preferred region, then
 * the next preferred, then the fallback regions in order; ignored regions are never used.
 */
export interface RegionAffinityRule {
  name: string;
  /** Ordered; at least one. */
  preferred: string[];
  /** Ordered; may be empty. */
  fallback: string[];
  /** Regions the rule does not use. */
  ignored: string[];
}

export interface RegionAffinityIssue {
  pointer: string;
  message: string;
}

export function validateRegionAffinityRule(rule: RegionAffinityRule): RegionAffinityIssue[] {
  const issues: RegionAffinityIssue[] = [];
  if (rule.preferred.length === 0)
    issues.push({ pointer: '/preferred', message: 'At least one preferred region is required' });
  const seen = new Map<string, string>();
  for (const list of ['preferred', 'fallback', 'ignored'] as const) {
    rule[list].forEach((region, index) => {
      const earlier = seen.get(region);
      if (earlier)
        issues.push({ pointer: `/${list}/${index}`, message: `${region} is already listed in ${earlier}` });
      else seen.set(region, list);
    });
  }
  return issues;
}

/** The regions to try, in order. */
export function regionOrder(rule: RegionAffinityRule): string[] {
  return [...rule.preferred, ...rule.fallback];
}

/** The first region in the rule's order that is healthy now, or null when none is. */
export function pickRegion(rule: RegionAffinityRule, healthyRegions: Iterable<string>): string | null {
  const healthy = new Set(healthyRegions);
  return regionOrder(rule).find((region) => healthy.has(region)) ?? null;
}
