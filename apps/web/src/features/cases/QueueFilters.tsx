import { Button, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';

const STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'].map((s) => ({
  value: s,
  label: s.replace('_', ' '),
}));
const PRIORITIES = ['low', 'normal', 'high', 'urgent'].map((p) => ({ value: p, label: p }));
const SORTS = [
  { value: 'updated_desc', label: 'Recently updated' },
  { value: 'created_desc', label: 'Newest first' },
  { value: 'created_asc', label: 'Oldest first' },
  { value: 'due', label: 'Due soonest' },
];

/** Filters live in the URL, so a view can be bookmarked and shared. */
export function QueueFilters() {
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const list = (key: string) => (params.get(key) ? params.get(key)!.split(',') : []);
  const any = ['status', 'priority', 'tag', 'sort'].some((k) => params.has(k));
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <MultiSelect
        label="Status"
        placeholder="Queue default"
        data={STATUSES}
        value={list('status')}
        onChange={(v) => set('status', v.join(','))}
        w={240}
        clearable
      />
      <MultiSelect
        label="Priority"
        placeholder="Any"
        data={PRIORITIES}
        value={list('priority')}
        onChange={(v) => set('priority', v.join(','))}
        w={200}
        clearable
      />
      <TextInput
        label="Tag"
        placeholder="Any tag"
        defaultValue={params.get('tag') ?? ''}
        onBlur={(e) => set('tag', e.currentTarget.value.trim().toLowerCase())}
        onKeyDown={(e) => e.key === 'Enter' && set('tag', e.currentTarget.value.trim().toLowerCase())}
        w={140}
      />
      <Select
        label="Sort"
        data={SORTS}
        value={params.get('sort') ?? 'updated_desc'}
        onChange={(v) => set('sort', v === 'updated_desc' ? null : v)}
        w={180}
        allowDeselect={false}
      />
      {any && (
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconX size={14} />}
          onClick={() => setParams({}, { replace: true })}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
