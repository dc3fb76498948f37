import { MultiSelect } from '@mantine/core';
import { useI18n } from '../../lib/i18n';
import { useFieldOptions } from './matching-api';

/**
 * Choice of fields of action by their keys; keys already stored but no longer in the taxonomy stay
 * selectable, so saving a form never drops them unnoticed.
 */
export function FieldSelect({
  label,
  value,
  onChange,
  description,
  readOnly,
}: {
  label: string;
  value: string[];
  onChange: (keys: string[]) => void;
  description?: string;
  readOnly?: boolean;
}) {
  const { t } = useI18n();
  const fields = useFieldOptions();
  const known = fields.data ?? [];
  const data = [
    ...known.map((f) => ({ value: f.key, label: f.name })),
    ...value.filter((v) => !known.some((f) => f.key === v)).map((v) => ({ value: v, label: v })),
  ];
  return (
    <MultiSelect
      label={label}
      description={description}
      data={data}
      value={value}
      onChange={onChange}
      readOnly={readOnly}
      searchable
      clearable={!readOnly}
      nothingFoundMessage={t('funding.form.nothingFound')}
    />
  );
}
