/** What every bench module (bench/*-bench.ts) exports as `run`. */
export type BenchModuleRun = (ctx: BenchContext) => Promise<BenchReport>;

export interface BenchContext {
  /** Scratch folder for databases and files (bench/out, git-ignored). */
  outDir: string;
  /** Repository root; spawn `node bin/regiolotse.js` from here. */
  root: string;
  /** PostgreSQL admin URL for throw-away databases (BENCH_PG_URL). */
  pgAdminUrl: string;
  log: (message: string) => void;
}

export interface BenchMetric {
  name: string;
  value: number;
  unit: string;
  /** Same quantity measured on a baseline in the same run. */
  baseline?: { label: string; value: number };
  /** value/baseline (or baseline/value for "lower is better"), so that higher is always better. */
  ratio?: number;
  goal?: string;
  met?: boolean;
}

export interface BenchReport {
  title: string;
  metrics: BenchMetric[];
  notes?: string[];
}

/** Ratio oriented so that 1.0 means "as good as the baseline" and higher is better. */
export function ratioOf(value: number, baseline: number, higherIsBetter: boolean): number {
  if (value === 0 || baseline === 0) return 0;
  return higherIsBetter ? value / baseline : baseline / value;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
