import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../lib/api.ts';
import { notifyDone, notifyError } from '../../lib/notify.ts';
import type { CaseDetail } from '../../lib/types.ts';
import { useAttachments } from '../cases/useAttachments.ts';
import { prefetchChecks, withChecks } from './checks.ts';
import { FilePicker } from './FilePicker.tsx';
import type { CaseFormErrors } from './validation.ts';

/** Subject, description and files; checked with the contract's CaseCreate before it is sent. */
export function NewCaseForm() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<CaseFormErrors>({});
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const att = useAttachments();
  const open = useMutation({
    mutationFn: (v: { subject: string; body: string; attachment_ids: string[] }) =>
      api<CaseDetail>('/cases', { method: 'POST', body: v }),
    onSuccess: (c) => {
      qc.setQueryData(['case', c.id], c);
      void qc.invalidateQueries({ queryKey: ['cases'] });
      notifyDone(`Case #${c.number} is open. We will answer soon, here and by email.`);
      navigate(`/cases/${c.id}`, { replace: true });
    },
    onError: (err) => notifyError(err, 'Your case was not sent'),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const values = { subject: subject.trim(), body: body.trim(), attachment_ids: att.files.map((a) => a.id) };
    void withChecks(({ caseFormErrors }) => {
      const found = caseFormErrors(values);
      setErrors(found);
      if (found.subject) subjectRef.current?.focus();
      else if (found.body) bodyRef.current?.focus();
      if (Object.keys(found).length === 0 && !att.uploading) open.mutate(values);
    });
  };
  return (
    <form onSubmit={submit} onFocus={prefetchChecks} noValidate aria-label="Open a new case">
      <Stack gap="lg">
        <TextInput
          ref={subjectRef}
          label="Subject"
          description="A few words, for example “My order arrived damaged”"
          size="md"
          required
          value={subject}
          error={errors.subject}
          onChange={(e) => {
            setSubject(e.currentTarget.value);
            setErrors(({ subject: _, ...rest }) => rest);
          }}
        />
        <Textarea
          ref={bodyRef}
          label="What happened?"
          description="Tell us what you expected, what happened instead, and any order or invoice number."
          size="md"
          required
          autosize
          minRows={6}
          maxRows={20}
          value={body}
          error={errors.body}
          onChange={(e) => {
            setBody(e.currentTarget.value);
            setErrors(({ body: _, ...rest }) => rest);
          }}
        />
        <FilePicker att={att} error={errors.attachments} />
        <Group justify="flex-end" gap="sm">
          <Button component={Link} to="/" variant="default" size="md">
            Cancel
          </Button>
          <Button type="submit" size="md" loading={open.isPending} disabled={att.uploading}>
            Send
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
