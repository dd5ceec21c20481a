/** Prints benchmark figures as aligned lines, and remembers misses of a target. */
export class Report {
  readonly misses: string[] = [];

  figure(label: string, value: number, options: { unit?: string; target?: string; ok?: boolean } = {}): void {
    const shown = value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
    const verdict = options.ok === undefined ? '' : options.ok ? '  ✓' : '  ✗ MISSED';
    const target = options.target ? `  (target ${options.target})` : '';
    console.log(`${label.padEnd(58)} ${shown.padStart(12)} ${options.unit ?? ''}${target}${verdict}`);
    if (options.ok === false) this.misses.push(label);
  }

  ratio(label: string, value: number): void {
    console.log(`${label.padEnd(58)} ${value.toFixed(3).padStart(12)} ×`);
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
