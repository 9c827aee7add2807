import { Alert, Center, Code, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { explain } from '../admin/words.ts';
import { CaseLink } from './CaseLink.tsx';
import { MailBody } from './MailBody.tsx';
import { MailHeaders } from './MailHeaders.tsx';
import { OutgoingResend } from './OutgoingResend.tsx';
import { OutgoingStateBadge } from './OutgoingStateBadge.tsx';
import { useOutgoingDetail } from './useEmailAdmin.ts';
import { OUTGOING_STATE } from './words.ts';

/** The delivery state, the headers and both bodies of one outgoing mail. */
export function OutgoingDetail({ id }: { id: string }) {
  const mail = useOutgoingDetail(id);
  if (mail.isError)
    return (
      <Alert color="red" title="This mail cannot be shown">
        {explain(mail.error)}
      </Alert>
    );
  if (!mail.data)
    return (
      <Center p="xl">
        <Loader aria-label="Loading the mail" />
      </Center>
    );
  const m = mail.data;
  return (
    <Stack gap="lg">
      <div>
        <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>
          {m.subject}
        </Title>
        <Group gap="sm" mt={6}>
          <OutgoingStateBadge status={m.status} />
          <Text size="sm">{OUTGOING_STATE[m.status].hint}</Text>
          <Text size="sm" c="dimmed">
            · {m.attempts === 1 ? '1 attempt' : `${m.attempts} attempts`}
          </Text>
          <CaseLink caseId={m.case_id} subject={m.subject} />
          <OutgoingResend mail={m} />
        </Group>
        {m.last_response && (
          <Stack gap={4} mt="sm">
            <Text size="sm" fw={600}>
              The outgoing server’s last answer
            </Text>
            <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {m.last_response}
            </Code>
          </Stack>
        )}
      </div>
      <MailHeaders mail={m} />
      <MailBody text={m.text_body} html={m.html_body} />
    </Stack>
  );
}
