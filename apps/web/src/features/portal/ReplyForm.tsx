import { Button, Group, Paper, Stack, Textarea, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../lib/api.ts';
import { notifyDone, notifyError } from '../../lib/notify.ts';
import type { CaseDetail, Message } from '../../lib/types.ts';
import { useAttachments } from '../cases/useAttachments.ts';
import { prefetchChecks, withChecks } from './checks.ts';
import { FilePicker } from './FilePicker.tsx';

/** A plain text reply (no editor library: the portal stays light), with attachments. */
export function ReplyForm({ c }: { c: CaseDetail }) {
  const qc = useQueryClient();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const att = useAttachments();
  const send = useMutation({
    mutationFn: () =>
      api<Message>(`/cases/${c.id}/messages`, {
        method: 'POST',
        body: { body: body.trim(), attachment_ids: att.files.map((a) => a.id) },
      }),
    onSuccess: async () => {
      setBody('');
      att.clear();
      notifyDone('Your message was sent');
      await qc.invalidateQueries({ queryKey: ['case', c.id] });
      void qc.invalidateQueries({ queryKey: ['cases'] });
    },
    onError: (err) => notifyError(err, 'Your message was not sent'),
  });
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    void withChecks(({ replyError }) => {
      const problem = replyError(body, att.files.length);
      setError(problem);
      if (!problem && !att.uploading) send.mutate();
    });
  };
  const reopens = c.status === 'solved';
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="form"
      onSubmit={submit}
      noValidate
      onFocus={prefetchChecks}
      aria-labelledby="reply-heading"
    >
      <Stack gap="sm">
        <Title order={3} size="h4" id="reply-heading">
          Write a reply
        </Title>
        <Textarea
          label="Your message"
          description={reopens ? 'Writing again reopens the case.' : 'We will answer here and by email.'}
          autosize
          minRows={4}
          maxRows={14}
          size="md"
          value={body}
          error={error}
          onChange={(e) => {
            setBody(e.currentTarget.value);
            setError(null);
          }}
          onKeyDown={(e) => (e.ctrlKey || e.metaKey) && e.key === 'Enter' && submit()}
        />
        <Group justify="space-between" align="flex-start" gap="sm">
          <FilePicker att={att} />
          <Button
            type="submit"
            size="md"
            leftSection={<IconSend size={18} />}
            loading={send.isPending}
            disabled={att.uploading}
          >
            Send
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
