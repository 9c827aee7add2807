import { Group, Select } from '@mantine/core';
import { useHolidayCountries, useHolidayRegions } from './useSlaAdmin.ts';

type Props = {
  country: string | null;
  region: string | null;
  onChange: (country: string | null, region: string | null) => void;
};

/** The country (and region) whose public holidays close the desk. */
export function HolidaySelects({ country, region, onChange }: Props) {
  const countries = useHolidayCountries();
  const regions = useHolidayRegions(country);
  const regionOptions = (regions.data ?? []).map((r) => ({ value: r.code, label: r.name }));
  return (
    <Group gap="md" align="flex-start">
      <Select
        label="Public holidays of"
        description="The desk is closed on these days."
        placeholder="No public holidays"
        data={(countries.data ?? []).map((c) => ({ value: c.code, label: c.name }))}
        value={country}
        onChange={(v) => onChange(v, null)}
        searchable
        clearable
        nothingFoundMessage="No country by that name"
        w={280}
      />
      {country && regionOptions.length > 0 && (
        <Select
          label="Region"
          description="Adds the region’s own holidays."
          placeholder="The whole country"
          data={regionOptions}
          value={region}
          onChange={(v) => onChange(country, v)}
          searchable
          clearable
          w={240}
        />
      )}
    </Group>
  );
}
