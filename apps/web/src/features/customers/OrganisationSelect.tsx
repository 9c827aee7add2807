import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useOrganisationList } from './useOrganisations.ts';

type Org = { id: string; name: string };
type Props = { value: Org | null; onChange: (o: Org | null) => void; error?: string };

/** Organisations found by the server as you type; the chosen one always stays in the list. */
export function OrganisationSelect({ value, onChange, error }: Props) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const typed = q === value?.name ? '' : q;
  const list = useOrganisationList(typed, 20);
  const found = list.data?.pages.flatMap((p) => p.items) ?? [];
  const options = [...(value ? [value] : []), ...found.filter((o) => o.id !== value?.id)];
  return (
    <Select
      label="Organisation"
      placeholder="None"
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      data={options.map((o) => ({ value: o.id, label: o.name }))}
      filter={({ options: all }) => all}
      value={value?.id ?? null}
      onChange={(id) => onChange(options.find((o) => o.id === id) ?? null)}
      nothingFoundMessage={list.isFetching ? 'Searching…' : 'No organisation by that name'}
      error={error}
    />
  );
}
