import { Alert, Code, Group, Loader, Paper, Tabs, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { explain } from '../admin/words.ts';
import { HtmlBodyFrame } from './HtmlBodyFrame.tsx';
import type { TemplatePreview as Preview } from './useTemplates.ts';

type Props = { preview: Preview | undefined; error: unknown; loading: boolean };

/** The draft as a customer would get it, for a sample case: the subject, the text and the HTML. */
export function TemplatePreview({ preview, error, loading }: Props) {
  const id = useId();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5" id={id}>
          Preview with a sample case
        </Title>
        {loading && <Loader size="xs" aria-label="Updating the preview" />}
      </Group>
      {error ? (
        <Alert color="red" title="This text cannot be sent yet">
          {explain(error)}
        </Alert>
      ) : preview ? (
        <>
          <Text size="sm" mb="sm">
            <Text span fw={600}>
              Subject:{' '}
            </Text>
            {preview.subject}
          </Text>
          {/* Plain text first, as in MailBody: the sandboxed frame mounts only when chosen. */}
          <Tabs defaultValue="text" keepMounted={false}>
            <Tabs.List mb="sm">
              <Tabs.Tab value="text">Plain text</Tabs.Tab>
              <Tabs.Tab value="html">HTML, as the customer sees it</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="html">
              <HtmlBodyFrame html={preview.html} />
            </Tabs.Panel>
            <Tabs.Panel value="text">
              <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {preview.text}
              </Code>
            </Tabs.Panel>
          </Tabs>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          Write a subject and a body to see the preview.
        </Text>
      )}
    </Paper>
  );
}
