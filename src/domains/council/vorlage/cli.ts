import type { Command } from 'commander';
import type { WithContext } from '../../../app/context.js';
import { readVorlageFile } from './read-vorlage.js';
import { formatPaperSummary } from './summary.js';

export function registerVorlageCli(program: Command, _withContext: WithContext): void {
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
}
