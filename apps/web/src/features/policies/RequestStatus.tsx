import { List, Stack, Text } from '@mantine/core';
import { ago, fullDate } from '../../lib/format.ts';
import { latestAuthorisation } from './nextStep.ts';
import type { CaseRequest } from './types.ts';
import { aRole, OUTCOME_LABEL } from './words.ts';

/** Who asked for authority, who decided and on what terms, and what the customer was told. */
export function RequestStatus({ request }: { request: CaseRequest }) {
  const a = latestAuthorisation(request);
  const sent = [...request.communications].sort((x, y) => y.created_at.localeCompare(x.created_at))[0];
  return (
    <Stack gap={4}>
      {a && (
        <Text size="sm">
          {a.status === 'pending' &&
            `Waiting for ${aRole(a.required_role ?? 'supervisor')} since ${ago(a.requested_at)}${
              a.requested_by ? `, asked by ${a.requested_by.name}` : ''
            }; lapses ${fullDate(a.expires_at)}.`}
          {(a.status === 'approved' || a.status === 'used') &&
            `Exception approved by ${a.decided_by?.name ?? 'someone'}${
              a.decided_by?.role ? ` (${a.decided_by.role})` : ''
            } ${ago(a.decided_at)}: “${a.reason ?? ''}”${a.status === 'approved' ? ` — use by ${fullDate(a.expires_at)}` : ''}.`}
          {a.status === 'denied' &&
            `Exception denied by ${a.decided_by?.name ?? 'someone'} ${ago(a.decided_at)}: “${a.reason ?? ''}”.`}
          {a.status === 'expired' && `The authorisation lapsed ${ago(a.expires_at)}.`}
        </Text>
      )}
      {a && a.conditions.length > 0 && (
        <div>
          <Text size="sm" fw={500}>
            Conditions
          </Text>
          <List size="sm">
            {a.conditions.map((c) => (
              <List.Item key={c}>{c}</List.Item>
            ))}
          </List>
        </div>
      )}
      <Text size="sm" c={sent ? undefined : 'dimmed'}>
        {sent
          ? `Customer told “${OUTCOME_LABEL[sent.outcome].toLowerCase()}” ${ago(sent.created_at)}${
              sent.sent_by ? ` by ${sent.sent_by.name}` : ''
            }${sent.alternatives.length ? `, with ${sent.alternatives.length} alternative${sent.alternatives.length > 1 ? 's' : ''}` : ''}.`
          : 'Not sent to the customer yet.'}
      </Text>
    </Stack>
  );
}
