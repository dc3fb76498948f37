import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from '../lib/use-page-title';

interface PageProps {
  title: string;
  /** a short line under the heading */
  description?: ReactNode;
  /** buttons or links beside the heading */
  actions?: ReactNode;
  /** above the heading, e.g. a link back to the parent */
  before?: ReactNode;
  children?: ReactNode;
}

/** One page: sets the document title and renders the single h1 the shell moves focus to. */
export function Page({ title, description, actions, before, children }: PageProps) {
  usePageTitle(title);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        {before}
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Title order={1} id="page-title" tabIndex={-1} fz={{ base: 24, sm: 28 }}>
            {title}
          </Title>
          {actions && <Group gap="sm">{actions}</Group>}
        </Group>
        {description && (
          <Text c="dimmed" maw={720}>
            {description}
          </Text>
        )}
      </Stack>
      {children}
    </Stack>
  );
}
