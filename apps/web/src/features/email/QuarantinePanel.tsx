import { Alert, Center, Loader, Paper, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useDenyOnForbidden } from '../admin/access.ts';
import { explain } from '../admin/words.ts';
import { LoadMore } from './LoadMore.tsx';
import { PanelHeader } from './PanelHeader.tsx';
import { type QuarantineAction, QuarantineConfirm } from './QuarantineConfirm.tsx';
import { QuarantineResult } from './QuarantineResult.tsx';
import { QuarantineTable } from './QuarantineTable.tsx';
import { useQuarantine } from './useEmailAdmin.ts';

/** How long the list is watched after a release, to notice mail that comes straight back. */
const WATCH_MS = 20_000;

/** Mail held back before it touched a case, with the reason; an admin releases or deletes it. */
export function QuarantinePanel() {
  const [asking, setAsking] = useState<QuarantineAction | null>(null);
  const [result, setResult] = useState<QuarantineAction | null>(null);
  const [watching, setWatching] = useState(false);
  const list = useQuarantine(watching);
  useDenyOnForbidden(list.error);
  useEffect(() => {
    if (!watching) return;
    const t = setTimeout(() => setWatching(false), WATCH_MS);
    return () => clearTimeout(t);
  }, [watching]);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const done = (a: QuarantineAction) => {
    setAsking(null);
    setResult(a);
    setWatching(a.kind === 'release');
  };
  return (
    <>
      <PanelHeader>
        Mail that looked broken or dangerous is held here instead of reaching a case. Release it to process it
        anyway, or delete it.
      </PanelHeader>
      {result && (
        <QuarantineResult
          result={result}
          heldAgain={items.find((m) => m.id === result.item.id) ?? null}
          processing={watching}
          onClose={() => setResult(null)}
        />
      )}
      {list.isError && (
        <Alert color="red" title="The quarantine cannot be shown" mb="md">
          {explain(list.error)}
        </Alert>
      )}
      <Paper withBorder radius="md">
        {list.isPending ? (
          <Center p="xl">
            <Loader aria-label="Loading the quarantine" />
          </Center>
        ) : items.length === 0 ? (
          <Center p="xl">
            <Text c="dimmed">Nothing is in quarantine.</Text>
          </Center>
        ) : (
          <QuarantineTable
            items={items}
            onRelease={(item) => setAsking({ kind: 'release', item })}
            onDelete={(item) => setAsking({ kind: 'delete', item })}
          />
        )}
      </Paper>
      <LoadMore
        shown={items.length}
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        onMore={() => list.fetchNextPage()}
      />
      <QuarantineConfirm action={asking} onDone={done} onClose={() => setAsking(null)} />
    </>
  );
}
