import { Anchor, Button, FileInput, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { CSV_HEADER, exampleCsvHref } from './exampleCsv.ts';
import { ImportProgress } from './ImportProgress.tsx';
import { useStartImport } from './useCustomers.ts';

/** Upload a CSV file, then follow the import until it is done and read what was rejected. */
export function ImportCustomersModal({ onClose }: { onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [importId, setImportId] = useState<string | null>(null);
  const start = useStartImport((i) => setImportId(i.id));
  const upload = () => {
    if (!file) return setError('Choose a CSV file first');
    if (!/\.csv$/i.test(file.name) && file.type !== 'text/csv') return setError('This is not a CSV file');
    start.mutate(file, { onError: () => setError('The file was not accepted; see the message above') });
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened
      onClose={onClose}
      title="Import customers from a CSV file"
      size="xl"
    >
      {importId ? (
        <ImportProgress
          id={importId}
          filename={file?.name ?? ''}
          onClose={onClose}
          onAnother={() => {
            setImportId(null);
            setFile(null);
          }}
        />
      ) : (
        <Stack gap="md">
          <Text size="sm">The first line names the columns. Only name and email are required:</Text>
          <Text component="code" ff="monospace" size="sm" p="xs" bg="gray.1" style={{ borderRadius: 6 }}>
            {CSV_HEADER}
          </Text>
          <List size="sm" spacing={4}>
            <List.Item>
              Customers already known by their email address are updated; the others are added.
            </List.Item>
            <List.Item>
              Rows that cannot be used are skipped and listed, with the reason, at the end.
            </List.Item>
          </List>
          <Anchor href={exampleCsvHref} download="fairdesk-customers-example.csv" size="sm">
            <Group gap={6} component="span">
              <IconDownload size={16} aria-hidden />
              Download an example CSV
            </Group>
          </Anchor>
          <FileInput
            label="CSV file"
            placeholder="Choose a file"
            accept=".csv,text/csv"
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            value={file}
            onChange={(f) => {
              setFile(f);
              setError(undefined);
            }}
            error={error}
            clearable
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button onClick={upload} loading={start.isPending}>
              Start the import
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
