import { Anchor, Button, FileInput, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { Page } from '../../components/page';
import { RequireRole } from '../../components/require-role';
import { Section } from '../../components/section';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { Messages } from '../../lib/page-module';

type Impact = 'yes' | 'no' | 'unknown';
const scalarFields = [
  'reference',
  'isPublic',
  'decisionKind',
  'department',
  'handler',
  'date',
  'fileReference',
  'title',
] as const;
const impactFields = ['financial', 'personnel', 'organisational', 'keyFigures'] as const;

interface ImportedPaper {
  id: number;
  mode: 'created' | 'updated' | 'enriched';
  source: 'pdf' | 'text';
  paper: {
    [K in (typeof scalarFields)[number]]: K extends 'isPublic' ? boolean | null : string | null;
  } & {
    consultations: { committee: string; date: string | null; role: string | null }[];
    impacts: Record<(typeof impactFields)[number], Impact>;
    draftResolution: string | null;
    statementOfFacts: string | null;
    confidence: Record<string, number>;
  };
  fieldsOfAction: { id: number; name: string; matchedTerms: string[] }[];
  /** Where the council system's record (kept) and the text disagree. */
  conflicts: { field: string; oparl: string; text: string }[];
}

export const paperUploadMessages: Messages = {
  de: {
    'nav.paperUpload': 'Vorlage hochladen',
    'paperUpload.description':
      'Eine Vorlage als PDF- oder Textdatei einlesen: Regiolotse erkennt die Felder, speichert die Vorlage mit ihrer Beratungsfolge und ordnet sie den Handlungsfeldern zu.',
    'paperUpload.file': 'Datei (PDF oder .txt, höchstens 20 MiB)',
    'paperUpload.clear': 'Datei entfernen',
    'paperUpload.body': 'Gebietskörperschaft (optional)',
    'paperUpload.bodyHint': 'Name oder Kurzname, z. B. Düsseldorf',
    'paperUpload.submit': 'Hochladen und einlesen',
    'paperUpload.result': 'Erkannte Felder',
    'paperUpload.stored.created': 'Vorlage gespeichert.',
    'paperUpload.stored.updated': 'Vorlage erneut eingelesen und aktualisiert.',
    'paperUpload.stored.enriched': 'Vorhandene Vorlage aus dem Ratsinformationssystem ergänzt.',
    'paperUpload.open': 'Vorlage öffnen',
    'paperUpload.field': 'Feld',
    'paperUpload.value': 'Erkannter Wert',
    'paperUpload.confidence': 'Sicherheit',
    'paperUpload.unknown': 'unbekannt',
    'paperUpload.public': 'öffentlich',
    'paperUpload.nonPublic': 'nichtöffentlich',
    'paperUpload.department': 'Fachbereich',
    'paperUpload.handler': 'Bearbeiter/in',
    'paperUpload.title': 'Betreff',
    'paperUpload.visibility': 'Öffentlichkeit',
    'paperUpload.impacts': 'Auswirkungen',
    'paperUpload.impact.financial': 'Finanzielle Auswirkung',
    'paperUpload.impact.personnel': 'Personelle Auswirkung',
    'paperUpload.impact.organisational': 'Organisatorische Auswirkung',
    'paperUpload.impact.keyFigures': 'Auswirkung auf Kennzahlen',
    'paperUpload.fieldsOfAction': 'Handlungsfelder',
    'paperUpload.conflicts': 'Abweichungen vom Ratsinformationssystem (dessen Werte bleiben gespeichert):',
    'paperUpload.conflict': '{field}: OParl „{oparl}“, Vorlagentext „{text}“',
  },
  en: {
    'nav.paperUpload': 'Upload a paper',
    'paperUpload.description':
      'Read a council paper (Vorlage) from a PDF or text file: Regiolotse recognises its fields, stores it with its consultations and assigns it to fields of action.',
    'paperUpload.file': 'File (PDF or .txt, at most 20 MiB)',
    'paperUpload.clear': 'Remove file',
    'paperUpload.body': 'Body (optional)',
    'paperUpload.bodyHint': 'Name or short name, e.g. Düsseldorf',
    'paperUpload.submit': 'Upload and read',
    'paperUpload.result': 'Recognised fields',
    'paperUpload.stored.created': 'Paper stored.',
    'paperUpload.stored.updated': 'Paper read again and updated.',
    'paperUpload.stored.enriched': 'Existing paper from the council system completed.',
    'paperUpload.open': 'Open the paper',
    'paperUpload.field': 'Field',
    'paperUpload.value': 'Recognised value',
    'paperUpload.confidence': 'Confidence',
    'paperUpload.unknown': 'unknown',
    'paperUpload.public': 'public',
    'paperUpload.nonPublic': 'non-public',
    'paperUpload.department': 'Department',
    'paperUpload.handler': 'Handler',
    'paperUpload.title': 'Subject',
    'paperUpload.visibility': 'Visibility',
    'paperUpload.impacts': 'Impacts',
    'paperUpload.impact.financial': 'Financial impact',
    'paperUpload.impact.personnel': 'Personnel impact',
    'paperUpload.impact.organisational': 'Organisational impact',
    'paperUpload.impact.keyFigures': 'Impact on key figures',
    'paperUpload.fieldsOfAction': 'Fields of action',
    'paperUpload.conflicts': 'Differences from the council system (its values stay stored):',
    'paperUpload.conflict': '{field}: OParl “{oparl}”, document text “{text}”',
  },
};

const fieldLabel: Record<(typeof scalarFields)[number], string> = {
  reference: 'council.reference',
  isPublic: 'paperUpload.visibility',
  decisionKind: 'council.decisionKind',
  department: 'paperUpload.department',
  handler: 'paperUpload.handler',
  date: 'council.date',
  fileReference: 'council.fileReference',
  title: 'paperUpload.title',
};

export function PaperUploadPage() {
  const { t } = useI18n();
  return (
    <RequireRole roles={['admin', 'office', 'partner']} title={t('nav.paperUpload')}>
      <PaperUploadView />
    </RequireRole>
  );
}

function PaperUploadView() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [body, setBody] = useState('');
  const upload = useMutation({
    mutationFn: (input: { file: File; body: string }) => {
      const form = new FormData();
      // The server reads the fields sent before the file, so the body name goes first.
      if (input.body.trim()) form.append('body', input.body.trim());
      form.append('file', input.file);
      return api<ImportedPaper>('/api/papers/import', { method: 'POST', form });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) upload.mutate({ file, body });
  };
  return (
    <Page title={t('nav.paperUpload')} description={t('paperUpload.description')}>
      <form onSubmit={submit}>
        <Stack gap="sm" maw={520}>
          <FileInput
            label={t('paperUpload.file')}
            value={file}
            onChange={setFile}
            accept=".pdf,.txt,application/pdf,text/plain"
            required
            clearable
            clearButtonProps={{ 'aria-label': t('paperUpload.clear') }}
          />
          <TextInput
            label={t('paperUpload.body')}
            description={t('paperUpload.bodyHint')}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            maxLength={200}
          />
          <Group>
            <Button type="submit" loading={upload.isPending} disabled={!file}>
              {t('paperUpload.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      {upload.isError && <ApiErrorAlert error={upload.error} />}
      {upload.data && <ImportResult result={upload.data} />}
    </Page>
  );
}

function Confidence({ value }: { value: number | undefined }) {
  return <>{value === undefined ? '–' : `${Math.round(value * 100)} %`}</>;
}

function ImportResult({ result }: { result: ImportedPaper }) {
  const { t, lang } = useI18n();
  const { paper } = result;
  const unknown = (
    <Text span c="dimmed">
      {t('paperUpload.unknown')}
    </Text>
  );
  const show = (field: (typeof scalarFields)[number]) => {
    const value = paper[field];
    if (value === null || value === '') return unknown;
    if (typeof value === 'boolean') return t(value ? 'paperUpload.public' : 'paperUpload.nonPublic');
    return field === 'date' ? formatDate(value, lang) : value;
  };
  const impact = (v: Impact) => (v === 'unknown' ? unknown : t(v === 'yes' ? 'common.yes' : 'common.no'));
  return (
    <Section title={t('paperUpload.result')}>
      <Text role="status">
        {t(`paperUpload.stored.${result.mode}`)}{' '}
        <Anchor component={Link} to={`/council/papers/${result.id}`}>
          {t('paperUpload.open')}: {paper.reference ?? paper.title ?? result.id}
        </Anchor>
      </Text>
      <Table.ScrollContainer minWidth={480}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('paperUpload.field')}</Table.Th>
              <Table.Th scope="col">{t('paperUpload.value')}</Table.Th>
              <Table.Th scope="col">{t('paperUpload.confidence')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {scalarFields.map((f) => (
              <Table.Tr key={f}>
                <Table.Th scope="row">{t(fieldLabel[f])}</Table.Th>
                <Table.Td>{show(f)}</Table.Td>
                <Table.Td>
                  <Confidence value={paper.confidence[f]} />
                </Table.Td>
              </Table.Tr>
            ))}
            {impactFields.map((f) => (
              <Table.Tr key={f}>
                <Table.Th scope="row">{t(`paperUpload.impact.${f}`)}</Table.Th>
                <Table.Td>{impact(paper.impacts[f])}</Table.Td>
                <Table.Td>{f === 'financial' && <Confidence value={paper.confidence.impacts} />}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {result.conflicts.length > 0 && (
        <Text size="sm">
          {t('paperUpload.conflicts')}{' '}
          {result.conflicts
            .map((c) =>
              t('paperUpload.conflict', {
                field: t(fieldLabel[c.field as keyof typeof fieldLabel] ?? 'paperUpload.field'),
                oparl: c.field === 'date' ? formatDate(c.oparl, lang) : c.oparl,
                text: c.field === 'date' ? formatDate(c.text, lang) : c.text,
              }),
            )
            .join(' · ')}
        </Text>
      )}
      <Section title={t('council.consultations')}>
        <Text size="sm" c="dimmed">
          {t('paperUpload.confidence')}: <Confidence value={paper.confidence.consultations} />
        </Text>
        {paper.consultations.length === 0 ? (
          <Text>{t('paperUpload.unknown')}</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('council.committee')}</Table.Th>
                <Table.Th scope="col">{t('council.date')}</Table.Th>
                <Table.Th scope="col">{t('council.role')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {paper.consultations.map((c, i) => (
                <Table.Tr key={`${i}-${c.committee}`}>
                  <Table.Td>{c.committee}</Table.Td>
                  <Table.Td>{c.date ? formatDate(c.date, lang) : unknown}</Table.Td>
                  <Table.Td>{c.role ?? unknown}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
      {result.fieldsOfAction.length > 0 && (
        <Section title={t('paperUpload.fieldsOfAction')}>
          <Text>
            {result.fieldsOfAction.map((f) => `${f.name} (${f.matchedTerms.join(', ')})`).join(' · ')}
          </Text>
        </Section>
      )}
    </Section>
  );
}
