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

export function machineLine(m: MachineInfo): string {
  return `${m.date} · ${m.cpu}, nproc ${m.nproc} · ${m.memoryGiB} GiB · Node.js ${m.node} (${m.platform}) · load average ${m.load}`;
}

/** One module's section, fenced by markers so later runs of single modules can replace it. */
export function markdownSection(
  file: string,
  report: BenchReport,
  machine: MachineInfo,
  seconds: number,
): string {
  const table = [header, header.map(() => '---'), ...report.metrics.map(cells)]
    .map((r) => `| ${r.join(' | ')} |`)
    .join('\n');
  const notes = (report.notes ?? []).map((n) => `- ${n}`).join('\n');
  return [
    `<!-- bench:${file} -->`,
    `## ${report.title}`,
    '',
    `_\`bench/${file}\`, ${seconds.toFixed(0)} s — ${machineLine(machine)}_`,
    '',
    table,
    '',
    ...(notes ? [notes, ''] : []),
    `<!-- /bench:${file} -->`,
  ].join('\n');
}

const intro = `# Benchmarks

Written by \`npm run bench\` (see bench/README.md); each section is replaced when its module runs
again, so do not edit by hand. Ratios are against a baseline measured in the same run on the same
machine, oriented so that higher is better (1.0 = as good as the baseline). Every section names
the machine and its load average at the start of the run: a load well above nproc means other
work shared the machine and the figures are pessimistic.
`;

/**
 * Merges fresh sections into the existing BENCHMARKS.md: sections of modules that ran are
 * replaced, others kept, sections of modules that no longer exist dropped; order by file name.
 */
export function mergeBenchmarks(existing: string, fresh: Map<string, string>, modules: string[]): string {
  const sections = new Map<string, string>();
  for (const m of existing.matchAll(/<!-- bench:([\w.-]+) -->[\s\S]*?<!-- \/bench:\1 -->/g)) {
    sections.set(m[1], m[0]);
  }
  for (const [file, text] of fresh) sections.set(file, text);
  const kept = [...sections.keys()].filter((f) => modules.includes(f)).sort();
  return `${intro}\n${kept.map((f) => sections.get(f)).join('\n\n')}\n`;
}
