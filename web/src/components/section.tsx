import { Stack, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';

/** A titled region of a page (h2), so screen-reader users can jump between sections. */
export function Section({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <Stack component="section" aria-labelledby={id} gap="sm">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 12 }}>
        <Title order={2} id={id} fz="xl">
          {title}
        </Title>
        {actions}
      </div>
      {children}
    </Stack>
  );
}
