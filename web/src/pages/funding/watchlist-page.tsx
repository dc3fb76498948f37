import {
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  List,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { type AlertSettings, useAlertSettings, useDigestPreview, useFeedUrls, useWatches } from './api';
import { SavedSearches } from './saved-searches';

function SettingsForm({ settings }: { settings: AlertSettings }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [leadDays, setLeadDays] = useState(settings.leadDays.join(', '));
  const [digest, setDigest] = useState<string>(settings.digest);
  const [immediate, setImmediate] = useState(settings.immediate);
  const save = useMutation({
    mutationFn: () =>
      api('/api/funding/alerts/settings', {
        method: 'PUT',
        body: {
          leadDays: leadDays
            .split(/[,\s]+/)
            .filter(Boolean)
            .map(Number)
            .filter((n) => Number.isInteger(n) && n >= 0),
          digest,
          immediate,
          subscribed: true,
        },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['funding'] }),
  });
  return (
    <Stack gap="sm" maw={480}>
      <TextInput
        label={t('funding.alerts.leadDays')}
        value={leadDays}
        onChange={(e) => setLeadDays(e.currentTarget.value)}
      />
      <Select
        label={t('funding.alerts.digest')}
        value={digest}
        onChange={(v) => setDigest(v ?? 'weekly')}
        data={[
          { value: 'daily', label: t('funding.alerts.daily') },
          { value: 'weekly', label: t('funding.alerts.weekly') },
          { value: 'off', label: t('funding.alerts.off') },
        ]}
      />
      <Switch
        label={t('funding.alerts.immediate')}
        checked={immediate}
        onChange={(e) => setImmediate(e.currentTarget.checked)}
      />
      {!settings.subscribed && <Text c="red">{t('funding.alerts.unsubscribed')}</Text>}
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Group>
      <ApiErrorAlert error={save.error} />
    </Stack>
  );
}

/** Watched calls, alert settings, the next digest as it would be sent, and private calendar links. */
export function WatchlistPage() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const watches = useWatches();
  const settings = useAlertSettings();
  const preview = useDigestPreview();
  const feeds = useFeedUrls();
  const unwatch = useMutation({
    mutationFn: (id: number) => api(`/api/funding/watches/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['funding'] }),
  });
  return (
    <Page title={t('funding.watchlist.title')} description={t('funding.watchlist.description')}>
      <Title order={2}>{t('funding.watchlist.calls')}</Title>
      <QueryView query={watches}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t('funding.watchlist.empty')}</Text>
          ) : (
            <List>
              {data.items.map((w) => (
                <List.Item key={w.id}>
                  <Anchor component={Link} to={`/funding/calls/${w.callId}`}>
                    {w.callTitle}
                  </Anchor>{' '}
                  {w.organizationId !== null && (
                    <Badge size="sm" variant="outline" color="gray.8">
                      {t('funding.watchlist.ofOrganization')}
                    </Badge>
                  )}{' '}
                  {w.canRemove && (
                    <Button size="compact-xs" variant="subtle" onClick={() => unwatch.mutate(w.id)}>
                      {t('funding.watchlist.remove')}
                    </Button>
                  )}
                </List.Item>
              ))}
            </List>
          )
        }
      </QueryView>
      <Title order={2}>{t('funding.searches.title')}</Title>
      <SavedSearches />
      <Title order={2}>{t('funding.alerts.title')}</Title>
      <QueryView query={settings}>{(data) => <SettingsForm settings={data} />}</QueryView>
      <Title order={2}>{t('funding.preview.title')}</Title>
      <QueryView query={preview}>
        {(data) => (
          <Stack gap="xs">
            <Text fw={600}>{data.subject}</Text>
            <Code block>{data.text}</Code>
          </Stack>
        )}
      </QueryView>
      <Title order={2}>{t('funding.feeds.title')}</Title>
      <QueryView query={feeds}>
        {(data) => (
          <List>
            <List.Item>
              {t('funding.feeds.user')}: <Code>{data.user}</Code>
            </List.Item>
            {data.organization && (
              <List.Item>
                {t('funding.feeds.organization')}: <Code>{data.organization}</Code>
              </List.Item>
            )}
            <List.Item>
              {t('funding.feeds.atom')}: <Code>{data.atom}</Code>
            </List.Item>
          </List>
        )}
      </QueryView>
    </Page>
  );
}
