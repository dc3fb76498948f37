import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { Page } from '../components/page';
import { allowed, useAuth } from '../lib/auth';
import { useI18n } from '../lib/i18n';
import { pageModules } from './modules';

/** The dashboard: a greeting and one card per area the user may open. */
export function HomePage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const areas = pageModules.flatMap((m) => m.nav).filter((item) => allowed(user, item.roles));
  const widgets = pageModules.flatMap((m) => m.dashboard ?? []).filter((w) => allowed(user, w.roles));
  return (
    <Page
      title={user ? t('home.welcome', { name: user.name }) : t('home.title')}
      description={t('home.intro')}
    >
      {!user && <Text>{t('home.public')}</Text>}
      {widgets.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {widgets.map((w) => (
            <div key={w.id}>{w.element}</div>
          ))}
        </SimpleGrid>
      )}
      <section aria-labelledby="home-areas">
        <Title order={2} id="home-areas" fz="xl" mb="sm">
          {t('home.areas')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="ul" className="plain-list">
          {areas.map((item) => (
            <li key={item.path}>
              <Card withBorder padding="md" radius="md" component={Link} to={item.path} className="area-card">
                <Text fw={600} c="petrol.8">
                  {t(item.label)}
                </Text>
                {t(`${item.label}.description`) !== `${item.label}.description` && (
                  <Text size="sm" c="dimmed" mt={4}>
                    {t(`${item.label}.description`)}
                  </Text>
                )}
              </Card>
            </li>
          ))}
        </SimpleGrid>
      </section>
    </Page>
  );
}
