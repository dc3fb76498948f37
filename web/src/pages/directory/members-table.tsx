import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../lib/i18n';
import { EndMembershipModal } from './end-membership-modal';
import { isCurrent, MembershipPeriod } from './membership-period';
import type { MembershipDetail } from './types';

/** Members of an organisation, current ones first; editors can edit any and end a current membership. */
export function MembersTable({
  memberships,
  editable,
}: {
  memberships: MembershipDetail[];
  editable: boolean;
}) {
  const { t } = useI18n();
  const [ending, setEnding] = useState<MembershipDetail | null>(null);
  if (memberships.length === 0) return <Text>{t('common.none')}</Text>;
  const sorted = [...memberships].sort(
    (a, b) => Number(isCurrent(b)) - Number(isCurrent(a)) || a.person.name.localeCompare(b.person.name),
  );
  return (
    <>
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('member.person')}</Table.Th>
              <Table.Th scope="col">{t('member.role')}</Table.Th>
              <Table.Th scope="col">{t('member.period')}</Table.Th>
              {editable && <Table.Th scope="col">{t('member.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/people/${m.person.id}`}>
                    {m.person.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {m.role}
                  {!isCurrent(m) && (
                    <Badge ml="xs" size="sm" variant="outline" color="gray.8">
                      {t('member.ended')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <MembershipPeriod m={m} />
                </Table.Td>
                {editable && (
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        component={Link}
                        to={`/organizations/${m.organizationId}/memberships/${m.id}/edit`}
                        size="compact-sm"
                        variant="default"
                        aria-label={t('member.editLabel', { person: m.person.name, role: m.role })}
                      >
                        {t('common.edit')}
                      </Button>
                      {isCurrent(m) && (
                        <Button
                          size="compact-sm"
                          variant="default"
                          aria-label={t('member.endLabel', { person: m.person.name, role: m.role })}
                          onClick={() => setEnding(m)}
                        >
                          {t('member.end')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <EndMembershipModal membership={ending} onClose={() => setEnding(null)} />
    </>
  );
}
