import { Button, Group, NumberInput, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { Facts } from '../../components/facts';
import { Section } from '../../components/section';
import { useI18n } from '../../lib/i18n';
import { useSaveSettings } from './api';
import type { PlannerBodyDetail } from './types';

export function SettingsSection({ body, editable }: { body: PlannerBodyDetail; editable: boolean }) {
  const { t } = useI18n();
  const s = body.settings;
  const [leadDays, setLeadDays] = useState<number | string>(s.leadDays);
  const [warn, setWarn] = useState<number | string>(s.warnSlackDays);
  const save = useSaveSettings(body.id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ leadDays: Number(leadDays), warnSlackDays: Number(warn), version: s.version ?? undefined });
  };
  return (
    <Section title={t('planner.settings')}>
      {!s.stored && <Text c="dimmed">{t('planner.settings.defaults')}</Text>}
      {editable ? (
        <form onSubmit={submit}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <NumberInput
              label={t('planner.leadDays')}
              min={0}
              max={365}
              allowDecimal={false}
              required
              value={leadDays}
              onChange={setLeadDays}
            />
            <NumberInput
              label={t('planner.warnSlackDays')}
              min={0}
              max={365}
              allowDecimal={false}
              required
              value={warn}
              onChange={setWarn}
            />
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
          {save.isSuccess && (
            <Text role="status" mt="xs">
              {t('planner.settings.saved')}
            </Text>
          )}
          <ApiErrorAlert error={save.error} />
        </form>
      ) : (
        <Facts
          items={[
            [t('planner.leadDays'), t('planner.days', { count: s.leadDays })],
            [t('planner.warnSlackDays'), t('planner.days', { count: s.warnSlackDays })],
          ]}
        />
      )}
    </Section>
  );
}
