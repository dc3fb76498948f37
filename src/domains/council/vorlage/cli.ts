import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { WithContext } from '../../../app/context.js';
import { systemActor } from '../../access/actor.js';
import { importVorlage } from './import-vorlage.js';
import { readVorlageFile } from './read-vorlage.js';
import { formatPaperSummary } from './summary.js';

const MODE: Record<string, string> = {
  created: 'angelegt',
  updated: 'aktualisiert',
  enriched: 'ergänzt (OParl-Vorlage)',
};

export function registerVorlageCli(program: Command, withContext: WithContext): void {
  const paper = program
    .command('paper')
    .description('Vorlagen (Sitzungsvorlagen) lesen / read council papers');
  paper
    .command('parse')
    .description('Vorlage (PDF oder Text) in ein strukturiertes Papier zerlegen / parse a Vorlage')
    .argument('<file>', 'PDF- oder Textdatei der Vorlage')
    .option('--json', 'als JSON ausgeben / print JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const { paper: parsed } = await readVorlageFile(file);
      process.stdout.write(
        options.json ? `${JSON.stringify(parsed, null, 2)}\n` : formatPaperSummary(parsed),
      );
    });
  paper
    .command('import')
    .description('Vorlage lesen und in den Ratsinformationen speichern / parse and store a Vorlage')
    .argument('<file>', 'PDF- oder Textdatei der Vorlage')
    .option('--body <name>', 'Körperschaft (Name oder Kurzname) / body name')
    .action(async (file: string, options: { body?: string }) => {
      const bytes = new Uint8Array(await readFile(file));
      const { stored: result, read } = await withContext((ctx) =>
        importVorlage(ctx, systemActor('cli paper import'), { bytes, bodyName: options.body }),
      );
      const parsed = read.paper;
      process.stdout.write(
        `Vorlage ${parsed.reference ?? '(ohne Nummer)'} ${MODE[result.mode]}: id ${result.id}, ${result.consultations} Beratungen\n`,
      );
    });
}
