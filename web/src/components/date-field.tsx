import { TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { formatDateInput, parseDateInput } from '../lib/format';
import { useI18n } from '../lib/i18n';

/**
 * A date typed the way the reader writes dates (TT.MM.JJJJ in German, DD/MM/YYYY in English),
 * whatever language the browser's own date picker would use. Reports 'YYYY-MM-DD', or null while
 * the text is empty or no real day (the field then says so).
 */
export function DateField({
  label,
  value,
  onChange,
  description,
  required,
  error,
  name,
}: {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  description?: string;
  required?: boolean;
  /** an error from the form (e.g. the server's); the field's own "not a date" comes first */
  error?: string;
  name?: string;
}) {
  const { t, lang } = useI18n();
  const [text, setText] = useState(formatDateInput(value, lang));
  const [touched, setTouched] = useState(false);
  // A value set from outside (an example loaded, a form reset) or a language switch rewrites the
  // text; the value that typing itself reports leaves it alone, so "1.1.20" can become "1.1.2027".
  const shownLang = useRef(lang);
  useEffect(() => {
    const relang = shownLang.current !== lang;
    shownLang.current = lang;
    setText((current) => {
      const typed = parseDateInput(current);
      if (typed === value && !relang) return current;
      if (value) return formatDateInput(value, lang);
      return typed === null ? current : '';
    });
  }, [value, lang]);
  const parsed = parseDateInput(text);
  const invalid = touched && text.trim() !== '' && parsed === null;
  return (
    <TextInput
      label={label}
      name={name}
      description={description}
      required={required}
      inputMode="numeric"
      autoComplete="off"
      placeholder={t('date.placeholder')}
      value={text}
      error={invalid ? t('date.invalid') : error}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        onChange(parseDateInput(next));
      }}
      onBlur={() => {
        setTouched(true);
        if (parsed) setText(formatDateInput(parsed, lang));
      }}
    />
  );
}
