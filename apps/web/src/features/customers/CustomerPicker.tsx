import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { Customer } from '../../lib/types.ts';
import { useCustomerList } from './useCustomers.ts';

type Props = {
  label: string;
  description?: string;
  exclude: string;
  value: Customer | null;
  onChange: (c: Customer | null) => void;
  error?: string;
};

const labelOf = (c: Customer) => `${c.name} <${c.email}>`;

/** Finds a customer by name or address as you type (searched by the server). */
export function CustomerPicker({ label, description, exclude, value, onChange, error }: Props) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const list = useCustomerList(value && q === labelOf(value) ? '' : q.trim());
  const found = (list.data?.pages.flatMap((p) => p.items) ?? []).filter((c) => c.id !== exclude);
  const options = [...(value ? [value] : []), ...found.filter((c) => c.id !== value?.id)];
  return (
    <Select
      label={label}
      description={description}
      placeholder="Type a name or an address"
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      data={options.map((c) => ({ value: c.id, label: labelOf(c) }))}
      filter={({ options: all }) => all}
      value={value?.id ?? null}
      onChange={(id) => onChange(options.find((c) => c.id === id) ?? null)}
      nothingFoundMessage={list.isFetching ? 'Searching…' : 'Nobody found'}
      error={error}
      openOnFocus={false}
      data-autofocus
    />
  );
}
