import { Button, Group, Text } from '@mantine/core';
import { type Language, useI18n } from '../lib/i18n';

const languages: Array<{ lang: Language; label: string; short: string }> = [
  { lang: 'de', label: 'Deutsch', short: 'DE' },
  { lang: 'en', label: 'English', short: 'EN' },
];

/** Two toggle buttons, each labelled in its own language. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Group gap={0} wrap="nowrap" role="group" aria-label={t('shell.language')}>
      {languages.map((l) => (
        <Button
          key={l.lang}
          lang={l.lang}
          size="compact-sm"
          variant={lang === l.lang ? 'filled' : 'subtle'}
          aria-pressed={lang === l.lang}
          aria-label={l.label}
          onClick={() => setLang(l.lang)}
        >
          <Text span inherit visibleFrom="sm">
            {l.label}
          </Text>
          <Text span inherit hiddenFrom="sm">
            {l.short}
          </Text>
        </Button>
      ))}
    </Group>
  );
}
