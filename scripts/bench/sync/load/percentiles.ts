/** Nearest-rank percentiles (https://en.wikipedia.org/wiki/Percentile#The_nearest-rank_method). */
export function percentile(values: readonly number[], p: number): number {
  // Infinity (did not finish in time) sorts last and is kept; NaN (failed) is left out.
  const sorted = [...values].filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export type Spread = { count: number; p50: number; p95: number; max: number };

export const spread = (values: readonly number[]): Spread => ({
  count: values.length,
  p50: percentile(values, 50),
  p95: percentile(values, 95),
  max: percentile(values, 100),
});
