import { Box, Group, Text } from '@mantine/core';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { PlanAnswer, PlanStep } from './types';

const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
const iso = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

const WIDTH = 1000;
const LABEL = 210;
const ROW = 64;
const AXIS = 28;
// Colours with at least 3:1 against white (WCAG 1.4.11); shapes differ too, so colour is not the only cue.
const LATEST = '#1c4e80';
const EARLIEST = '#2b6a2e';
const DEADLINE = '#b02a2a';
const MUTED = '#495057';

/** The steps of all bodies side by side on one time axis: latest and earliest plan, filing, deadline. */
export function Timeline({ answer }: { answer: PlanAnswer }) {
  const { t, lang } = useI18n();
  const dates = [answer.asOf, answer.deadline];
  for (const b of answer.bodies) {
    for (const s of [...(b.latest ?? []), ...(b.earliest ?? [])]) dates.push(s.meetingDate);
    for (const f of [b.latestFilingDate, b.earliestFilingDate]) if (f) dates.push(f);
  }
  const from = Math.min(...dates.map(day)) - 3;
  const to = Math.max(...dates.map(day)) + 7;
  const x = (d: string) => LABEL + ((day(d) - from) / (to - from)) * (WIDTH - LABEL - 16);
  const height = AXIS + answer.bodies.length * ROW + 8;
  const months: string[] = [];
  for (let n = from; n <= to; n++) if (iso(n).endsWith('-01')) months.push(iso(n));
  const monthLabel = (d: string) =>
    new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
      month: 'short',
      year: '2-digit',
      timeZone: 'UTC',
    }).format(new Date(`${d}T00:00:00Z`));
  const lane = (steps: PlanStep[] | null, y: number, color: string, filled: boolean, filing: string | null) =>
    steps && (
      <g>
        {filing && (
          <>
            <line
              x1={x(filing)}
              x2={x(steps[0].meetingDate)}
              y1={y}
              y2={y}
              stroke={color}
              strokeDasharray="3 3"
            />
            <path
              d={`M ${x(filing)} ${y - 6} l 6 6 l -6 6 l -6 -6 z`}
              fill="#fff"
              stroke={color}
              strokeWidth={2}
            >
              <title>{`${t('planner.timeline.filing')}: ${formatDate(filing, lang)}`}</title>
            </path>
          </>
        )}
        <polyline
          points={steps.map((s) => `${x(s.meetingDate)},${y}`).join(' ')}
          fill="none"
          stroke={color}
          strokeWidth={2}
        />
        {steps.map((s) =>
          filled ? (
            <circle key={s.meetingDate} cx={x(s.meetingDate)} cy={y} r={6} fill={color}>
              <title>{`${s.committee}: ${formatDate(s.meetingDate, lang)}`}</title>
            </circle>
          ) : (
            <rect
              key={s.meetingDate}
              x={x(s.meetingDate) - 5}
              y={y - 5}
              width={10}
              height={10}
              fill="#fff"
              stroke={color}
              strokeWidth={2}
            >
              <title>{`${s.committee}: ${formatDate(s.meetingDate, lang)}`}</title>
            </rect>
          ),
        )}
      </g>
    );
  return (
    <Box>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-label={t('planner.timeline.label', {
          from: formatDate(iso(from), lang),
          to: formatDate(iso(to), lang),
        })}
        style={{ maxWidth: '100%', fontFamily: 'inherit' }}
      >
        {months.map((m) => (
          <g key={m}>
            <line x1={x(m)} x2={x(m)} y1={AXIS - 6} y2={height} stroke="#dee2e6" />
            <text x={x(m) + 3} y={AXIS - 10} fontSize={12} fill={MUTED}>
              {monthLabel(m)}
            </text>
          </g>
        ))}
        {answer.bodies.map((b, i) => {
          const top = AXIS + i * ROW;
          return (
            <g key={`${b.body.id}-${i}`}>
              <text x={4} y={top + ROW / 2 + 4} fontSize={13} fill="#212529">
                {b.body.name.length > 28 ? `${b.body.name.slice(0, 27)}…` : b.body.name}
              </text>
              {lane(b.latest, top + 20, LATEST, true, b.latestFilingDate)}
              {lane(b.earliest, top + 44, EARLIEST, false, b.earliestFilingDate)}
            </g>
          );
        })}
        <line
          x1={x(answer.asOf)}
          x2={x(answer.asOf)}
          y1={AXIS - 4}
          y2={height}
          stroke={MUTED}
          strokeWidth={2}
        />
        <line
          x1={x(answer.deadline)}
          x2={x(answer.deadline)}
          y1={AXIS - 4}
          y2={height}
          stroke={DEADLINE}
          strokeWidth={2}
          strokeDasharray="6 3"
        />
      </svg>
      <Group gap="lg" mt="xs" wrap="wrap" aria-hidden="true">
        <Legend color={LATEST} shape="circle" label={t('planner.timeline.latest')} />
        <Legend color={EARLIEST} shape="square" label={t('planner.timeline.earliest')} />
        <Legend color={MUTED} shape="diamond" label={t('planner.timeline.filing')} />
        <Legend
          color={MUTED}
          shape="line"
          label={`${t('planner.timeline.asOf')} ${formatDate(answer.asOf, lang)}`}
        />
        <Legend
          color={DEADLINE}
          shape="dash"
          label={`${t('planner.timeline.deadline')} ${formatDate(answer.deadline, lang)}`}
        />
      </Group>
    </Box>
  );
}

function Legend({
  color,
  shape,
  label,
}: {
  color: string;
  shape: 'circle' | 'square' | 'diamond' | 'line' | 'dash';
  label: string;
}) {
  return (
    <Group gap={6} wrap="nowrap">
      <svg width={18} height={14} aria-hidden="true">
        {shape === 'circle' && <circle cx={9} cy={7} r={6} fill={color} />}
        {shape === 'square' && (
          <rect x={3} y={2} width={10} height={10} fill="#fff" stroke={color} strokeWidth={2} />
        )}
        {shape === 'diamond' && (
          <path d="M 9 1 l 6 6 l -6 6 l -6 -6 z" fill="#fff" stroke={color} strokeWidth={2} />
        )}
        {shape === 'line' && <line x1={9} x2={9} y1={0} y2={14} stroke={color} strokeWidth={2} />}
        {shape === 'dash' && (
          <line x1={9} x2={9} y1={0} y2={14} stroke={color} strokeWidth={2} strokeDasharray="4 2" />
        )}
      </svg>
      <Text size="sm">{label}</Text>
    </Group>
  );
}
