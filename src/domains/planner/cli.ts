import type { Command } from 'commander';
import type { WithContext } from '../../app/context.js';
import { systemActor } from '../access/actor.js';
import { germanDay } from './calendar-day.js';
import { checkByNames, contractJson } from './check-by-names.js';
import { invalidDays } from './errors.js';

interface CheckOptions {
  deadline: string;
  sequence: string;
  leadDays?: string;
  bufferDays?: string;
  asOf?: string;
  body?: string;
  json?: boolean;
}

function wholeDays(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,3}$/.test(value.trim()) || Number(value) > 365) throw invalidDays(flag, value);
  return Number(value);
}

const de = (day: string | null) => (day ? germanDay(day) : '–');

function summary(a: Awaited<ReturnType<typeof checkByNames>>): string {
  const plan = (steps: typeof a.latest) =>
    steps ? steps.map((s) => `${s.committee} ${de(s.meetingDate)}`).join(' → ') : 'keiner';
  const row = (label: string, value: string) => `${`${label}:`.padEnd(30)} ${value}`;
  const lines = [
    `Fristenplaner${a.body ? ` – ${a.body}` : ''}: Frist ${de(a.deadline)}, Stand ${de(a.asOf)}, Vorlagenschluss ${a.leadDays} Tage, Puffer ${a.bufferDays} Tage`,
    row('Machbar', a.feasible ? 'ja' : 'nein'),
    row(
      'Spätester Einreichungstermin',
      `${de(a.latestFilingDate)}${a.slackDays === null ? '' : ` (Spielraum ${a.slackDays} Tage)`}`,
    ),
    row('Spätester Plan', plan(a.latest)),
    row('Frühester Plan', plan(a.earliest)),
    row('Früheste Entscheidung', de(a.earliestDecisionDate)),
    ...a.warnings.map((w) => `Warnung: ${w.messageDe}`),
  ];
  return `${lines.join('\n')}\n`;
}

export function registerPlannerCli(program: Command, withContext: WithContext): void {
  const planner = program.command('planner').description('Fristenplaner / deadline planner');
  planner
    .command('check')
    .description(
      'Passt eine Beratungsfolge vor eine Frist? / does a consultation sequence fit before a deadline?',
    )
    .requiredOption('--deadline <YYYY-MM-DD>', 'Frist / deadline')
    .requiredOption('--sequence <"A > B > C">', 'Beratungsfolge, Gremien nach Namen / committees by name')
    .option('--lead-days <N>', 'Vorlagenschluss in Tagen vor der ersten Sitzung / lead days')
    .option('--buffer-days <N>', 'Tage Puffer vor der Frist / buffer days before the deadline', '0')
    .option('--as-of <YYYY-MM-DD>', 'Stichtag der Planung (Standard: heute) / as-of day (default: today)')
    .option('--body <name>', 'Körperschaft der Gremien / body of the committees')
    .option('--json', 'als JSON ausgeben / print JSON')
    .action(async (options: CheckOptions) => {
      const leadDays = wholeDays('--lead-days', options.leadDays);
      const bufferDays = wholeDays('--buffer-days', options.bufferDays);
      const answer = await withContext((ctx) =>
        checkByNames(
          { db: ctx.db, dialect: ctx.dialect, actor: systemActor('cli planner check') },
          {
            deadline: options.deadline,
            sequence: options.sequence,
            leadDays,
            bufferDays,
            asOf: options.asOf,
            bodyName: options.body,
          },
        ),
      );
      process.stdout.write(
        options.json ? `${JSON.stringify(contractJson(answer), null, 2)}\n` : summary(answer),
      );
    });
}
