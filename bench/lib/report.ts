import type { MachineInfo } from './machine.js';
import type { BenchMetric, BenchReport } from './types.js';

const fmt = (v: number) =>
  Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);

function cells(m: BenchMetric): string[] {
  return [
    m.name,
    `${fmt(m.value)} ${m.unit}`,
    m.baseline ? `${fmt(m.baseline.value)} ${m.unit} (${m.baseline.label})` : '–',
    m.ratio === undefined ? '–' : fmt(m.ratio),
    m.goal ?? '–',
    m.met === undefined ? '–' : m.met ? 'yes' : 'NO',
  ];
}

const header = ['metric', 'value', 'baseline (same run)', 'ratio', 'goal', 'met'];

/** Plain-text table for the terminal. */
export function textReport(report: BenchReport): string {
  const rows = [header, ...report.metrics.map(cells)];
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
  const notes = (report.notes ?? []).map((n) => `  · ${n}`);
  return [`== ${report.title}`, ...rows.map(line), ...notes].join('\n');
}

function markdownTable(report: BenchReport): string {
  const rows = [header, header.map(() => '---'), ...report.metrics.map(cells)];
  return rows.map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** BENCHMARKS.md: the machine, then one section per bench module. */
export function markdownReport(
  machine: MachineInfo,
  reports: BenchReport[],
  seconds: number,
  failed: string[] = [],
): string {
  const out = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (see bench/README.md); do not edit by hand. Ratios are against a',
    'baseline measured in the same run on the same machine, oriented so that higher is better',
    '(1.0 = as good as the baseline).',
    '',
    '## Machine',
    '',
    `- date: ${machine.date}`,
    `- CPU: ${machine.cpu}, nproc ${machine.nproc}`,
    `- memory: ${machine.memoryGiB} GiB`,
    `- Node.js ${machine.node} (${machine.platform})`,
    `- load average (1 min) at start: ${machine.load}`,
    `- whole run: ${seconds.toFixed(0)} s`,
    '',
  ];
  for (const r of reports) {
    out.push(`## ${r.title}`, '', markdownTable(r), '');
    for (const n of r.notes ?? []) out.push(`- ${n}`);
    if (r.notes?.length) out.push('');
  }
  if (failed.length)
    out.push('## Failed in this run', '', ...failed.map((f) => `- ${f} (see the run output)`), '');
  return out.join('\n');
}
