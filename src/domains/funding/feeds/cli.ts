import { type Command, InvalidArgumentError } from 'commander';
import type { Kysely } from 'kysely';
import type { WithContext } from '../../../app/context.js';
import type { DB } from '../../../app/schema.js';
import { foldTransliterated } from '../../directory/search-text.js';
import { publicBaseUrl } from '../alerts/send-alerts.js';
import { extractDeadlines } from '../deadlines/extract-deadlines.js';
import { extractCallDeadlines } from '../deadlines/review-service.js';
import { isoDate } from '../importers/time.js';
import { feedActor, selectFeedRounds } from './feed-selection.js';
import { renderDeadlinesIcs } from './ics.js';

/**
 * The organisation a name (or short name, or id) means: spelling variants of umlauts and case meet,
 * as in the directory search; a name that fits several organisations is refused, not guessed.
 */
async function findOrganization(db: Kysely<DB>, given: string): Promise<number> {
  if (/^\d+$/.test(given)) {
    const row = await db
      .selectFrom('organizations')
      .select('id')
      .where('id', '=', Number(given))
      .executeTakeFirst();
    if (row) return row.id;
  } else {
    const folded = foldTransliterated(given);
    const candidates = await db
      .selectFrom('organizations')
      .select(['id', 'name', 'name_search'])
      .where('name_search', 'like', `% ${folded} %`)
      .execute();
    // name_search holds ' variant | variant ': the name and short name, each folded two ways.
    const hits = candidates.filter((c) => c.name_search.split('|').some((v) => v.trim() === folded));
    if (hits.length === 1) return hits[0].id;
    if (hits.length > 1)
      throw new Error(
        `Mehrdeutig / ambiguous: ${given} (${hits.map((h) => `${h.id} ${h.name}`).join(', ')}); bitte die Nummer angeben / give the id`,
      );
  }
  throw new Error(`Organisation nicht gefunden / organisation not found: ${given}`);
}

/** A calendar day as YYYY-MM-DD, or the option is refused (exit code 1) with the reason. */
function calendarDay(value: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? isoDate(value) : null;
  if (!day)
    throw new InvalidArgumentError(
      `kein Kalendertag im Format JJJJ-MM-TT / not a calendar day as YYYY-MM-DD: ${value}`,
    );
  return day;
}

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
    .option('--today <date>', 'reference day for year-less and recurring dates (YYYY-MM-DD)', calendarDay)
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
    .command('deadlines:extract')
    .description(
      'Fristen aus den Aufrufstexten jetzt lesen (sonst täglich 04:10 UTC) / read deadlines from the call texts now',
    )
    .option('--call <id>', 'only this call')
    .action(async (opts: { call?: string }) => {
      await withContext(async (ctx) => {
        const callId = opts.call === undefined ? undefined : Number(opts.call);
        if (callId !== undefined && !Number.isInteger(callId))
          throw new Error(`Keine Aufruf-Nummer / not a call id: ${opts.call}`);
        const c = await extractCallDeadlines(ctx.db, { callId });
        process.stdout.write(
          `${c.calls} Aufrufe gelesen / calls read · ${c.rounds} Fristen übernommen / rounds added · ${c.queued} zur Prüfung / queued for review\n`,
        );
      });
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
          scope = { kind: 'org', organizationId: await findOrganization(ctx.db, opts.org) };
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
