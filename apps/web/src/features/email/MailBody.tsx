import { Code, Tabs, Text, Title } from '@mantine/core';
import { HtmlBodyFrame } from './HtmlBodyFrame.tsx';

/** The two bodies of a mail, HTML first when there is one. */
export function MailBody({ text, html }: { text: string; html: string }) {
  return (
    <section aria-labelledby="mail-body">
      <Title order={4} size="h5" mb="xs" id="mail-body">
        Body
      </Title>
      <Tabs defaultValue={html ? 'html' : 'text'} keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="html" disabled={!html}>
            HTML
          </Tabs.Tab>
          <Tabs.Tab value="text">Plain text</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="html">
          <HtmlBodyFrame html={html} />
        </Tabs.Panel>
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
      </Tabs>
    </section>
  );
}
