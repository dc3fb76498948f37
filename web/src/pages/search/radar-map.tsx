import { Anchor, Group, Table, Text } from '@mantine/core';
import { useI18n } from '../../lib/i18n';
import type { Radar, RegionMap } from './types';

/** Light to dark blue; index = share of the busiest area's topic count (0 = none). */
const shades = ['#f1f3f5', '#d0ebff', '#74c0fc', '#339af0', '#1864ab'];

interface Area {
  ags: string;
  name: string;
  kind: RegionMap['features'][number]['kind'];
  topics: string[];
  documents: number;
}

function shadeOf(count: number, max: number): string {
  if (count === 0 || max === 0) return shades[0]!;
  return shades[Math.max(1, Math.ceil((count / max) * (shades.length - 1)))]!;
}

/** The radar's numbers per area of the map: a body counts where one of its names belongs. */
function areasOf(map: RegionMap, radar: Radar): { areas: Area[]; outside: Radar['bodies'] } {
  const placed = new Set<string>();
  const areas = map.features.map((f) => {
    const names = new Set(f.bodyNames);
    for (const n of names) placed.add(n);
    return {
      ags: f.ags,
      name: f.name,
      kind: f.kind,
      topics: radar.topics
        .filter((t) => t.bodies.some((b) => names.has(b.body)))
        .map((t) => t.label)
        .sort((x, y) => x.localeCompare(y, 'de')),
      documents: radar.bodies.filter((b) => names.has(b.body)).reduce((n, b) => n + b.documents, 0),
    };
  });
  return { areas, outside: radar.bodies.filter((b) => !placed.has(b.body)) };
}

const anchor = (ags: string) => `radar-area-${ags}`;

/**
 * The region's bodies on a map (BKG VG250), shaded by how many of the radar's topics they deal
 * with; every area is a labelled link to its row in the table below, which holds the same numbers.
 */
export function RadarMap({ map, radar }: { map: RegionMap; radar: Radar }) {
  const { t } = useI18n();
  const { areas, outside } = areasOf(map, radar);
  const max = Math.max(0, ...areas.map((a) => a.topics.length));
  const byAgs = new Map(areas.map((a) => [a.ags, a]));
  const label = (a: Area) => t('radar.map.area', { name: a.name, count: a.topics.length });
  const municipalities = map.features.filter((f) => f.kind !== 'district');
  const districts = map.features.filter((f) => f.kind === 'district');
  return (
    <section aria-labelledby="radar-map-heading">
      <Text component="h2" id="radar-map-heading" fw={700} fz="md" mb="xs">
        {t('radar.map')}
      </Text>
      <figure style={{ margin: 0 }}>
        {/* biome-ignore lint/a11y/useSemanticElements: an SVG map holding links is a group; a fieldset cannot be SVG */}
        <svg
          viewBox={`0 0 ${map.width} ${map.height}`}
          role="group"
          aria-labelledby="radar-map-title radar-map-desc"
          style={{ width: '100%', maxWidth: 640, height: 'auto', display: 'block' }}
        >
          <title id="radar-map-title">{t('radar.map.title')}</title>
          <desc id="radar-map-desc">{t('radar.map.desc')}</desc>
          <style>
            {
              '.radar-area:focus{outline:none}.radar-area:focus path,.radar-area:hover path{stroke:#000;stroke-width:3}'
            }
          </style>
          {municipalities.map((f) => {
            const a = byAgs.get(f.ags)!;
            return (
              <a key={f.ags} href={`#${anchor(f.ags)}`} className="radar-area" aria-label={label(a)}>
                <path d={f.path} fill={shadeOf(a.topics.length, max)} stroke="#495057" strokeWidth={1} />
              </a>
            );
          })}
          {districts.map((f) => {
            const a = byAgs.get(f.ags)!;
            // The district lies over its towns: only its outline is drawn (and clickable).
            return (
              <a key={f.ags} href={`#${anchor(f.ags)}`} className="radar-area" aria-label={label(a)}>
                <path
                  d={f.path}
                  fill="none"
                  stroke={a.topics.length > 0 ? shades[4] : '#495057'}
                  strokeWidth={2.5}
                  strokeDasharray="8 4"
                  pointerEvents="stroke"
                />
              </a>
            );
          })}
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: plain text labels, not focusable; each area's link carries its name */}
          <g
            aria-hidden="true"
            fontSize={13}
            textAnchor="middle"
            fill="#000"
            stroke="#fff"
            strokeWidth={3}
            paintOrder="stroke"
          >
            {municipalities.map((f) => (
              <text key={f.ags} x={f.label.x} y={f.label.y}>
                {f.name.replace(/ \(.*\)$/, '')}
              </text>
            ))}
          </g>
        </svg>
        <figcaption>
          <Group gap="xs" mt={4} aria-hidden="true">
            {shades.map((s, i) => (
              <span
                key={s}
                style={{
                  display: 'inline-block',
                  width: 18,
                  height: 12,
                  background: s,
                  border: '1px solid #495057',
                }}
                title={String(i)}
              />
            ))}
          </Group>
          <Text size="sm">{t('radar.map.legend', { max })}</Text>
          <Text size="xs">
            <Anchor href={map.attributionUrl} target="_blank" rel="noreferrer">
              {map.attribution}
            </Anchor>{' '}
            · {map.source}
          </Text>
        </figcaption>
      </figure>
      <Table mt="sm" striped>
        <Table.Caption>{t('radar.map.table')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('radar.map.col.body')}</Table.Th>
            <Table.Th scope="col">{t('radar.map.col.topics')}</Table.Th>
            <Table.Th scope="col">{t('radar.map.col.documents')}</Table.Th>
            <Table.Th scope="col">{t('radar.map.col.which')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...areas]
            .sort((x, y) => y.topics.length - x.topics.length || x.name.localeCompare(y.name))
            .map((a) => (
              <Table.Tr key={a.ags} id={anchor(a.ags)} tabIndex={-1}>
                <Table.Th scope="row">{a.name}</Table.Th>
                <Table.Td>{a.topics.length}</Table.Td>
                <Table.Td>{a.documents}</Table.Td>
                <Table.Td>{a.topics.join(', ') || '–'}</Table.Td>
              </Table.Tr>
            ))}
          {outside.map((b) => (
            <Table.Tr key={`outside-${b.body}`}>
              <Table.Th scope="row">
                {b.body}{' '}
                <Text span size="xs">
                  ({t('radar.map.outside')})
                </Text>
              </Table.Th>
              <Table.Td>{b.topics}</Table.Td>
              <Table.Td>{b.documents}</Table.Td>
              <Table.Td>
                {radar.topics
                  .filter((x) => x.bodies.some((y) => y.body === b.body))
                  .map((x) => x.label)
                  .join(', ') || '–'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
