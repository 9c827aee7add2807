import { Select } from '@mantine/core';
import { useMemo } from 'react';

/** Every IANA time zone the browser knows, searchable; the current one is always offered. */
export function TimeZoneSelect({ value, onChange }: { value: string; onChange: (tz: string) => void }) {
  const zones = useMemo(() => {
    const all = Intl.supportedValuesOf('timeZone');
    return all.includes(value) ? all : [value, ...all];
  }, [value]);
  return (
    <Select
      label="Time zone"
      description="Opening hours are local times in this zone."
      data={zones}
      value={value}
      onChange={(v) => v && onChange(v)}
      searchable
      allowDeselect={false}
      limit={100}
      nothingFoundMessage="No time zone by that name"
      w={280}
    />
  );
}
