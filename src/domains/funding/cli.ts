import { resolve } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { WithContext } from '../../app/context.js';
import { systemActor } from '../access/actor.js';
import { runImport } from './run-import.js';
import { addSource, listSources, reimportSources } from './sources.js';

export function fundingCli(program: Command, withContext: WithContext): void {
  const funding = program.command('funding').description('Förderradar / funding radar');

  funding
    .command('import')
    .argument('<path>', 'FDB export folder or zip, EU F&T JSON, EFRE.NRW JSON, CSV or XLSX list')
    .option('--list <name>', 'name of a hand-kept list (default: from the file name)')
    .option('--partial', 'the file is an extract: do not withdraw records missing from it')
    .description('Förderdaten importieren / import funding data (importer chosen by content)')
    .action(async (path: string, opts: { list?: string; partial?: boolean }) => {
      await withContext(async (ctx) => {
        const bar = new cliProgress.SingleBar(
          { format: '  {bar} {value}/{total} {message}', hideCursor: true, clearOnComplete: false },
          cliProgress.Presets.shades_classic,
        );
        let started = false;
        const r = await runImport(ctx.db, systemActor('cli'), resolve(path), {
          sourceSet: opts.list ? `template:${opts.list}` : undefined,
          full: opts.partial ? false : undefined,
          onProgress: (done, total, message) => {
            if (!started) {
              bar.start(total ?? done, 0, { message: '' });
              started = true;
            }
            if (total) bar.setTotal(total);
            bar.update(done, { message: (message ?? '').slice(0, 50) });
          },
        });
        if (started) bar.stop();
        const c = r.counts;
        process.stdout.write(
          `${r.importer} (${r.sourceSet}): ${r.records} records in ${r.seconds.toFixed(2)} s\n` +
            `  new ${c.new} · changed ${c.changed} · unchanged ${c.unchanged} · reappeared ${c.reappeared} · withdrawn ${c.withdrawn} · rejected ${c.rejected} · unreadable (kept as before) ${c.unreadable}\n`,
        );
        for (const n of r.notes) process.stdout.write(`  note: ${n}\n`);
        for (const e of r.rowErrors.slice(0, 50)) {
          process.stdout.write(
            `  Zeile/row ${e.row}, Spalte/column ${e.column}: ${e.reasonDe} / ${e.reason}\n`,
          );
        }
        if (c.rejected)
          process.stdout.write(
            '  rejected records are listed in the quarantine (GET /api/funding/quarantine)\n',
          );
      });
    });

  funding
    .command('sources:add')
    .argument('<location>', 'folder, file or http(s) URL')
    .option('--label <label>', 'name shown in lists')
    .description(
      'Quelle für den regelmäßigen Re-Import eintragen / register a source for the scheduled re-import',
    )
    .action(async (location: string, opts: { label?: string }) => {
      await withContext(async (ctx) => {
        const loc = /^https?:\/\//i.test(location) ? location : resolve(location);
        const id = await addSource(ctx.db, loc, opts.label);
        process.stdout.write(`source ${id}: ${loc}\n`);
      });
    });

  funding
    .command('sources')
    .description('Quellen auflisten / list configured sources')
    .action(async () => {
      await withContext(async (ctx) => {
        for (const s of await listSources(ctx.db)) {
          process.stdout.write(
            `${s.id}\t${s.kind}\t${s.enabled ? 'on' : 'off'}\t${s.last_run_at ?? '-'}\t${s.last_status ?? '-'}\t${s.location}\n`,
          );
        }
      });
    });

  funding
    .command('reimport')
    .description('Alle Quellen jetzt neu importieren / re-import all sources now')
    .action(async () => {
      await withContext(async (ctx) => {
        for (const r of await reimportSources(ctx.db)) process.stdout.write(`source ${r.id}: ${r.status}\n`);
      });
    });
}
