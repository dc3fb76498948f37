import { resolve } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { WithContext } from '../app/context.js';
import { exportDump } from '../app/dump/export-dump.js';
import type { DumpPhase, DumpProgress } from '../app/dump/format.js';
import { importDump } from '../app/dump/import-dump.js';

const labels: Record<DumpPhase, string> = {
  export: 'Export (rows)',
  check: 'Prüfen/check (bytes)',
  import: 'Import (rows)',
};

/** One progress bar on stderr per phase, so stdout stays clean for the summary. */
function progressBars(): { onProgress: DumpProgress; stop: () => void } {
  let bar: cliProgress.SingleBar | undefined;
  let phase: DumpPhase | undefined;
  const stop = () => {
    bar?.stop();
    bar = undefined;
  };
  const onProgress: DumpProgress = (p, done, total) => {
    if (p !== phase) {
      stop();
      phase = p;
      bar = new cliProgress.SingleBar(
        {
          format: `${labels[p].padEnd(22)} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`,
          stream: process.stderr,
          hideCursor: true,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, done);
    }
    bar?.setTotal(total);
    bar?.update(done);
  };
  return { onProgress, stop };
}

export function registerDumpCommands(program: Command, withContext: WithContext): void {
  program
    .command('export')
    .description('Alle Daten als ein JSON-Dokument schreiben / write all data as one JSON document')
    .requiredOption('--out <file>', 'target file (written completely or not at all)')
    .action(async (opts: { out: string }) => {
      const out = resolve(opts.out);
      await withContext(async (ctx) => {
        const bars = progressBars();
        try {
          const result = await exportDump(ctx, out, { onProgress: bars.onProgress });
          bars.stop();
          process.stdout.write(`Exported ${result.total} rows from ${ctx.dialect} to ${out}\n`);
        } finally {
          bars.stop();
        }
      });
    });

  program
    .command('import')
    .description('Einen Export in eine leere Datenbank laden / load an export into an empty database')
    .argument('<file>', 'a file written by `regiolotse export`')
    .action(async (file: string) => {
      await withContext(async (ctx) => {
        const bars = progressBars();
        try {
          const result = await importDump(ctx, resolve(file), { onProgress: bars.onProgress });
          bars.stop();
          process.stdout.write(`Imported ${result.total} rows into ${ctx.dialect}\n`);
          for (const [table, n] of Object.entries(result.rows)) {
            if (n > 0) process.stdout.write(`  ${table}: ${n}\n`);
          }
        } finally {
          bars.stop();
        }
      });
    });
}
