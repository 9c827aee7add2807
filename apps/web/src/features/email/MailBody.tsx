import { Code, Tabs, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { HtmlBodyFrame } from './HtmlBodyFrame.tsx';

/**
 * The two bodies of a mail. Plain text comes first: the HTML view mounts its sandboxed frame only
 * when chosen (a frame that may run no script cannot be entered by axe in its default mode either).
 */
export function MailBody({ text, html }: { text: string; html: string }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <Title order={4} size="h5" mb="xs" id={id}>
        Body
      </Title>
      <Tabs defaultValue="text" keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="text">Plain text</Tabs.Tab>
          <Tabs.Tab value="html" disabled={!html}>
            HTML, as the customer sees it
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="text">
          {text ? (
            <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {text}
            </Code>
          ) : (
            <Text size="sm" c="dimmed">
              This mail has no plain-text body.
            </Text>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="html">
          <HtmlBodyFrame html={html} />
        </Tabs.Panel>
      </Tabs>
    </section>
  );
}
