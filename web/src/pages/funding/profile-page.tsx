import { Alert, Anchor, Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { RequireRole } from '../../components/require-role';
import { api } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { fieldErrors } from '../../lib/error-message';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { FieldSelect } from './field-select';
import { type OrgProfile, useOrganizationOptions, useOrgProfile } from './matching-api';

const signedIn = ['admin', 'office', 'partner', 'reader'] as const;

/** Office: choose the partner organisation whose profile to edit; everyone else: their own. */
export function ProfilesPage() {
  const { t } = useI18n();
  return (
    <RequireRole roles={[...signedIn]} title={t('funding.profile.title')}>
      <ProfileChooser />
    </RequireRole>
  );
}

function ProfileChooser() {
  const { t } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  const organizations = useOrganizationOptions();
  const [choice, setChoice] = useState<string | null>(null);
  const office = user?.role === 'admin' || user?.role === 'office';
  if (!office && user?.organizationId != null)
    return <Navigate to={`/funding/profiles/${user.organizationId}`} replace />;
  return (
    <Page title={t('funding.profile.title')} description={t('funding.profile.description')}>
      {office ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (choice) navigate(`/funding/profiles/${choice}`);
          }}
        >
          <Group align="flex-end" maw={640}>
            <Select
              label={t('funding.profile.organization')}
              searchable
              data={organizations.data ?? []}
              value={choice}
              onChange={setChoice}
              nothingFoundMessage={t('funding.form.nothingFound')}
              style={{ flex: 1 }}
            />
            <Button type="submit" disabled={!choice}>
              {t('funding.profile.open')}
            </Button>
          </Group>
        </form>
      ) : (
        <Alert color="blue" role="status">
          {t('funding.profile.noOrganization')}
        </Alert>
      )}
    </Page>
  );
}

export function ProfilePage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  return (
    <RequireRole roles={[...signedIn]} title={t('funding.profile.title')}>
      <ProfileLoader id={id} />
    </RequireRole>
  );
}

function ProfileLoader({ id }: { id: number }) {
  const { t } = useI18n();
  const query = useOrgProfile(id);
  return (
    <QueryView query={query} title={t('funding.profile.title')}>
      {(profile) => <ProfileForm key={profile.organizationId} profile={profile} />}
    </QueryView>
  );
}

/** Applicant type, region (AGS) and fields of action of a partner organisation, for matching. */
function ProfileForm({ profile }: { profile: OrgProfile }) {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const mayEdit =
    user?.role === 'admin' ||
    user?.role === 'office' ||
    (user?.role === 'partner' && user.organizationId === profile.organizationId);
  const [applicantType, setApplicantType] = useState(profile.applicantType ?? '');
  const [regionAgs, setRegionAgs] = useState(profile.regionAgs ?? '');
  const [fields, setFields] = useState(profile.fieldsOfAction);
  const [keywords, setKeywords] = useState(profile.keywords.join(', '));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api(`/api/funding/org-profiles/${profile.organizationId}`, { method: 'PUT', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['funding'] }),
    onError: (error) => setErrors(fieldErrors(error, lang, t)),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const ags = regionAgs.trim();
    if (ags && !/^\d{2,8}$/.test(ags)) {
      setErrors({ regionAgs: t('funding.form.agsInvalid') });
      document.getElementById('profile-regionAgs')?.focus();
      return;
    }
    setErrors({});
    save.mutate({
      applicantType: applicantType.trim() || null,
      regionAgs: ags || null,
      fieldsOfAction: fields,
      keywords: keywords
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
    });
  }
  return (
    <Page
      title={t('funding.profile.of', { name: profile.organizationName })}
      description={t('funding.profile.description')}
      actions={
        <Button component={Link} to={`/funding/profiles/${profile.organizationId}/matches`} variant="default">
          {t('funding.matches.title')}
        </Button>
      }
    >
      <Paper withBorder p="lg" maw={720}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <ApiErrorAlert error={save.error} />
            {save.isSuccess && (
              <Alert color="green" role="status">
                {t('funding.profile.saved')}{' '}
                <Anchor component={Link} to={`/funding/profiles/${profile.organizationId}/matches`}>
                  {t('funding.profile.showMatches')}
                </Anchor>
              </Alert>
            )}
            <TextInput
              label={t('funding.profile.applicantType')}
              description={t('funding.profile.applicantHint')}
              value={applicantType}
              onChange={(e) => setApplicantType(e.currentTarget.value)}
              readOnly={!mayEdit}
              error={errors.applicantType}
            />
            <TextInput
              id="profile-regionAgs"
              label={t('funding.profile.region')}
              description={t('funding.profile.regionHint')}
              inputMode="numeric"
              value={regionAgs}
              onChange={(e) => setRegionAgs(e.currentTarget.value)}
              readOnly={!mayEdit}
              error={errors.regionAgs}
            />
            <FieldSelect
              label={t('funding.calls.fieldOfAction')}
              value={fields}
              onChange={setFields}
              readOnly={!mayEdit}
            />
            <TextInput
              label={t('funding.profile.keywords')}
              description={t('funding.profile.keywordsHint')}
              value={keywords}
              onChange={(e) => setKeywords(e.currentTarget.value)}
              readOnly={!mayEdit}
            />
            {profile.updatedAt && (
              <Text size="sm" c="dimmed">
                {t('funding.profile.updated', { date: formatDateTime(profile.updatedAt, lang) })}
              </Text>
            )}
            {mayEdit && (
              <Group justify="flex-end">
                <Button type="submit" loading={save.isPending}>
                  {t('common.save')}
                </Button>
              </Group>
            )}
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
