import { Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { RequireRole } from '../../components/require-role';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { type MatchItem, type MatchTarget, useMatches, useOrgProfile, useProject } from './matching-api';

const signedIn = ['admin', 'office', 'partner', 'reader'] as const;

export function ProjectMatchesPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  return (
    <RequireRole roles={[...signedIn]} title={t('funding.matches.title')}>
      <ProjectMatches id={id} />
    </RequireRole>
  );
}

export function ProfileMatchesPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  return (
    <RequireRole roles={[...signedIn]} title={t('funding.matches.title')}>
      <ProfileMatches id={id} />
    </RequireRole>
  );
}

function ProjectMatches({ id }: { id: number }) {
  const { t } = useI18n();
  const project = useProject(id);
  return (
    <QueryView query={project} title={t('funding.matches.title')}>
      {(p) => (
        <Matches
          title={t('funding.matches.forProject', { name: p.title })}
          back={{ to: '/funding/projects', label: t('funding.projects.back') }}
          target={{ kind: 'project', id }}
        />
      )}
    </QueryView>
  );
}

function ProfileMatches({ id }: { id: number }) {
  const { t } = useI18n();
  const profile = useOrgProfile(id);
  return (
    <QueryView query={profile} title={t('funding.matches.title')}>
      {(p) => (
        <Matches
          title={t('funding.matches.forOrganization', { name: p.organizationName })}
          back={{ to: `/funding/profiles/${id}`, label: t('funding.profile.back') }}
          target={{ kind: 'organization', id }}
        />
      )}
    </QueryView>
  );
}

/**
 * Matched calls, best first, each with its score and the reasons behind it; "relevant" and "not
 * relevant" are stored for the organisation and re-rank this list at once.
 */
function Matches({
  title,
  back,
  target,
}: {
  title: string;
  back: { to: string; label: string };
  target: MatchTarget;
}) {
  const { t } = useI18n();
  const query = useMatches(target);
  return (
    <Page
      title={title}
      description={t('funding.matches.description')}
      before={
        <Anchor component={Link} to={back.to} size="sm">
          {back.label}
        </Anchor>
      }
    >
      <QueryView query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t('funding.matches.empty')}</Text>
          ) : (
            <Stack gap="sm">
              {data.feedbackOrganizationId === null && (
                <Text size="sm" c="dimmed">
                  {t('funding.matches.noFeedbackOrg')}
                </Text>
              )}
              <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={title}>
                {data.items.map((m, i) => (
                  <li key={m.callId}>
                    <MatchCard
                      rank={i + 1}
                      match={m}
                      target={target}
                      organizationId={data.feedbackOrganizationId}
                    />
                  </li>
                ))}
              </Stack>
            </Stack>
          )
        }
      </QueryView>
    </Page>
  );
}

function MatchCard({
  rank,
  match,
  target,
  organizationId,
}: {
  rank: number;
  match: MatchItem;
  target: MatchTarget;
  organizationId: number | null;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const feedback = useMutation({
    mutationFn: (relevant: boolean) =>
      api('/api/funding/match-feedback', {
        method: 'POST',
        body: { callId: match.callId, organizationId: organizationId ?? undefined, relevant },
      }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: ['funding', 'matches', target.kind, target.id] }),
  });
  const headingId = `match-${match.callId}`;
  return (
    <Card withBorder component="article" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={2} fz="lg" id={headingId}>
          <Text span c="dimmed" fz="sm" mr={6}>
            {rank}.
          </Text>
          <Anchor component={Link} to={`/funding/calls/${match.callId}`}>
            {match.callTitle}
          </Anchor>
        </Title>
        <Badge variant="outline" color="gray.8" style={{ flexShrink: 0 }}>
          {t('funding.matches.score', { score: Math.round(match.score * 100) })}
        </Badge>
      </Group>
      <Text size="sm" fw={600} mt="xs">
        {t('funding.matches.reasons')}
      </Text>
      <List size="sm">
        {match.reasons.map((r) => (
          <List.Item key={r}>{r}</List.Item>
        ))}
      </List>
      {organizationId !== null && (
        <Group gap="xs" mt="sm">
          <Button
            size="xs"
            variant={match.verdict === 'relevant' ? 'filled' : 'default'}
            aria-pressed={match.verdict === 'relevant'}
            aria-describedby={headingId}
            loading={feedback.isPending && feedback.variables === true}
            onClick={() => feedback.mutate(true)}
          >
            {t('funding.matches.relevant')}
          </Button>
          <Button
            size="xs"
            variant={match.verdict === 'irrelevant' ? 'filled' : 'default'}
            color={match.verdict === 'irrelevant' ? 'red.8' : undefined}
            aria-pressed={match.verdict === 'irrelevant'}
            aria-describedby={headingId}
            loading={feedback.isPending && feedback.variables === false}
            onClick={() => feedback.mutate(false)}
          >
            {t('funding.matches.irrelevant')}
          </Button>
        </Group>
      )}
      <ApiErrorAlert error={feedback.error} />
    </Card>
  );
}
