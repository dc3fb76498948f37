import { Button, Group } from '@mantine/core';
import { type Language, useI18n } from '../lib/i18n';

const languages: Array<{ lang: Language; label: string }> = [
  { lang: 'de', label: 'Deutsch' },
  { lang: 'en', label: 'English' },
];

/** Two toggle buttons, each labelled in its own language. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Group gap={0} role="group" aria-label={t('shell.language')}>
      {languages.map((l) => (
        <Button
          key={l.lang}
          lang={l.lang}
          size="compact-sm"
          variant={lang === l.lang ? 'filled' : 'subtle'}
          aria-pressed={lang === l.lang}
          onClick={() => setLang(l.lang)}
        >
          {l.label}
        </Button>
      ))}
    </Group>
  );
}
