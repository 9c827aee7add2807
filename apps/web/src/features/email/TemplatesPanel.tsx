import { Alert, Center, Grid, Loader } from '@mantine/core';
import { useState } from 'react';
import { useDenyOnForbidden } from '../admin/access.ts';
import { explain } from '../admin/words.ts';
import { PanelHeader } from './PanelHeader.tsx';
import { TemplateEditor } from './TemplateEditor.tsx';
import { TemplateList } from './TemplateList.tsx';
import { useTemplates } from './useTemplates.ts';

const keyOf = (t: { kind: string; language: string }) => `${t.kind}:${t.language}`;

/** The mails customers get automatically, per kind and language: a list, and the one being edited. */
export function TemplatesPanel() {
  const templates = useTemplates();
  useDenyOnForbidden(templates.error);
  const [selected, setSelected] = useState<string | null>(null);
  const items = templates.data?.items ?? [];
  const current = items.find((t) => keyOf(t) === selected) ?? items[0];
  const fallback = templates.data?.languages[0] ?? 'en';
  return (
    <>
      <PanelHeader>
        The emails Fairdesk sends customers by itself. Each language has its own text; customers get theirs,
        or the workspace’s first language when theirs is not offered.
      </PanelHeader>
      {templates.isError && (
        <Alert color="red" title="The templates cannot be shown" mb="md">
          {explain(templates.error)}
        </Alert>
      )}
      {templates.isPending ? (
        <Center p="xl">
          <Loader aria-label="Loading templates" />
        </Center>
      ) : (
        current && (
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 4 }}>
              <TemplateList items={items} selected={keyOf(current)} onSelect={(t) => setSelected(keyOf(t))} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 8 }}>
              <TemplateEditor
                key={`${keyOf(current)}:${current.updated_at ?? 'default'}:${current.customised}`}
                template={current}
                fallbackLanguage={fallback}
              />
            </Grid.Col>
          </Grid>
        )
      )}
    </>
  );
}
