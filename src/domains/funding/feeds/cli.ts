import type { Command } from 'commander';
import type { WithContext } from '../../../app/context.js';
import { publicBaseUrl } from '../alerts/send-alerts.js';
import { extractDeadlines } from '../deadlines/extract-deadlines.js';
import { feedActor, selectFeedRounds } from './feed-selection.js';
import { renderDeadlinesIcs } from './ics.js';

/** As organizations.name_search is folded: lower case, umlauts spelt out, ß → ss. */
const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `regiolotse funding deadlines` and `regiolotse funding ics`, added to the domain's `funding` command. */
export function radarCli(program: Command, withContext: WithContext): void {
  const funding = program.commands.find((c) => c.name() === 'funding') ?? program.command('funding');

  funding
    .command('deadlines')
    .description('Fristen aus deutschem Text (stdin) lesen / read deadlines from German text on stdin')
    .option('--json', 'print JSON: { deadlines: [{date, confidence, …}], rolling, closed }')
    .option('--today <date>', 'reference day for year-less and recurring dates (YYYY-MM-DD)')
    .action(async (opts: { json?: boolean; today?: string }) => {
      const result = extractDeadlines(await readStdin(), { today: opts.today });
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      for (const d of result.deadlines) {
        process.stdout.write(
          `${d.date}${d.time ? ` ${d.time}` : ''}  ${(d.confidence * 100).toFixed(0)} %  ${d.reasons.join('; ')}\n`,
        );
      }
      if (result.rolling) process.stdout.write('laufende Antragstellung (keine feste Frist)\n');
      if (result.closed) process.stdout.write('Aufruf geschlossen\n');
    });

  funding
    .command('ics')
    .description('Fristen als iCalendar ausgeben / print the deadline calendar')
    .option('--org <name>', 'calendar of one organisation (name or id)')
    .action(async (opts: { org?: string }) => {
      await withContext(async (ctx) => {
        const today = new Date().toISOString().slice(0, 10);
        let scope: { kind: 'public' } | { kind: 'org'; organizationId: number } = { kind: 'public' };
        if (opts.org) {
          const org = await ctx.db
            .selectFrom('organizations')
            .select('id')
            .where((eb) =>
              /^\d+$/.test(opts.org!)
                ? eb('id', '=', Number(opts.org))
                : eb('name_search', '=', fold(opts.org!)),
            )
            .executeTakeFirst();
          if (!org) throw new Error(`Organisation nicht gefunden / organisation not found: ${opts.org}`);
          scope = { kind: 'org', organizationId: org.id };
        }
        const actor = await feedActor(ctx.db, scope, true);
        const rounds = await selectFeedRounds(ctx.db, scope, actor, today);
        process.stdout.write(
          await renderDeadlinesIcs(ctx.db, rounds, {
            name: 'Förderradar: Fristen',
            baseUrl: publicBaseUrl(ctx),
          }),
        );
      });
    });
}
