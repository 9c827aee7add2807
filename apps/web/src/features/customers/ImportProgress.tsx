import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { notifyDone } from '../../lib/notify.ts';
import { explain } from '../admin/words.ts';
import { ImportReport } from './ImportReport.tsx';
import { isFinished, useImportProgress } from './useCustomers.ts';

const STATUS_WORDS = {
  queued: 'Waiting to start…',
  running: 'Importing…',
  done: 'Done',
  failed: 'Failed',
} as const;

type Props = { id: string; filename: string; onClose: () => void; onAnother: () => void };

/** The import's progress, asked for every second, then its report. */
export function ImportProgress({ id, filename, onClose, onAnother }: Props) {
  const qc = useQueryClient();
  const job = useImportProgress(id);
  const i = job.data;
  const told = useRef(false);
  useEffect(() => {
    if (!i || !isFinished(i) || told.current) return;
    told.current = true;
    void qc.invalidateQueries({ queryKey: ['customers'] });
    void qc.invalidateQueries({ queryKey: ['organisations'] });
    if (i.status === 'done')
      notifyDone(
        `Import finished: ${i.created} added, ${i.updated} updated, ${i.rejected_count ?? i.rejected.length} rejected`,
      );
    else
      notifications.show({
        color: 'red',
        title: 'The import failed',
        message: i.failure_reason ?? 'The file could not be imported.',
        autoClose: 7000,
      });
  }, [i, qc]);
  const percent = i?.total
    ? Math.min(100, Math.round((i.processed / i.total) * 100))
    : i?.status === 'done'
      ? 100
      : 0;
  const counting = !i || i.total === null;
  return (
    <Stack gap="md">
      <div>
        <Group justify="space-between" mb={6}>
          <Text fw={600}>{filename || i?.filename}</Text>
          <Text size="sm" c="dimmed" aria-live="polite">
            {i ? STATUS_WORDS[i.status] : 'Starting…'}
          </Text>
        </Group>
        <Progress
          aria-label="Import progress"
          value={counting && i?.status !== 'done' ? 100 : percent}
          animated={!i || !isFinished(i)}
          color={i?.status === 'failed' ? 'red' : 'teal'}
          size="lg"
          radius="xl"
        />
        <Text size="sm" c="dimmed" mt={6}>
          {i && i.total !== null
            ? `${i.processed} of ${i.total} rows (${percent}%) · ${i.created} added · ${i.updated} updated · ${i.rejected_count ?? i.rejected.length} rejected`
            : 'Counting the rows…'}
        </Text>
      </div>
      {job.isError && (
        <Alert color="red" title="The progress cannot be read">
          {explain(job.error)}
        </Alert>
      )}
      {i?.status === 'failed' && (
        <Alert color="red" title="The import failed">
          {i.failure_reason ?? 'The file could not be imported.'} Rows processed before the failure are kept.
        </Alert>
      )}
      {i && isFinished(i) && <ImportReport job={i} />}
      <Group justify="flex-end">
        {i && isFinished(i) && (
          <Button variant="default" onClick={onAnother}>
            Import another file
          </Button>
        )}
        <Button onClick={onClose} variant={i && isFinished(i) ? 'filled' : 'default'}>
          {i && isFinished(i) ? 'Done' : 'Close (the import carries on)'}
        </Button>
      </Group>
    </Stack>
  );
}
