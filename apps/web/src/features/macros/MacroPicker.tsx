import { Badge, Button, Combobox, Group, Text, useCombobox } from '@mantine/core';
import { IconDeviceFloppy, IconMessageBolt } from '@tabler/icons-react';
import { type Ref, useEffect, useImperativeHandle, useState } from 'react';
import { useMacros } from './useMacros.ts';

export type MacroPickerHandle = { open: () => void };

type Props = {
  handle?: Ref<MacroPickerHandle>;
  onPick: (macroId: string) => void;
  onSaveOwn: () => void;
  loading?: boolean;
};

/** The "Macros" button: a searchable list of shared and personal macros, most used first. */
export function MacroPicker({ handle, onPick, onSaveOwn, loading }: Props) {
  const [search, setSearch] = useState('');
  const combobox = useCombobox({
    onDropdownClose: () => {
      combobox.resetSelectedOption();
      setSearch('');
    },
    onDropdownOpen: () => {
      combobox.focusSearchInput();
      combobox.selectFirstOption();
    },
  });
  const macros = useMacros();
  useImperativeHandle(handle, () => ({ open: () => combobox.openDropdown() }));
  // Enter takes the best match while searching.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run when the search (hence the options) changes
  useEffect(() => {
    combobox.selectFirstOption();
  }, [search, macros.data]);
  const needle = search.trim().toLowerCase();
  const shown = (macros.data ?? []).filter((m) => !needle || m.name.toLowerCase().includes(needle));
  return (
    <Combobox
      store={combobox}
      width={340}
      position="bottom-start"
      withinPortal
      onOptionSubmit={(id) => {
        onPick(id);
        combobox.closeDropdown();
      }}
    >
      <Combobox.Target withAriaAttributes={false}>
        <Button
          size="xs"
          variant="light"
          color="teal.9"
          leftSection={<IconMessageBolt size={14} aria-hidden />}
          onClick={() => combobox.toggleDropdown()}
          loading={loading}
          aria-haspopup="listbox"
          aria-keyshortcuts="m"
        >
          Macros
        </Button>
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Search
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          placeholder="Search macros"
          aria-label="Search macros"
        />
        <Combobox.Options mah={320} style={{ overflowY: 'auto' }} aria-label="Macros">
          {macros.isPending ? (
            <Combobox.Empty>Loading…</Combobox.Empty>
          ) : shown.length === 0 ? (
            <Combobox.Empty>{needle ? 'No macro by that name' : 'No macros yet'}</Combobox.Empty>
          ) : (
            shown.map((m) => (
              <Combobox.Option value={m.id} key={m.id}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm" lineClamp={1}>
                    {m.name}
                  </Text>
                  <Group gap={4} wrap="nowrap">
                    {m.scope === 'personal' && (
                      <Badge size="xs" variant="light" color="grape.9" tt="none">
                        Mine
                      </Badge>
                    )}
                    <Badge
                      size="xs"
                      variant="light"
                      color={m.kind === 'internal' ? 'yellow.9' : 'teal.9'}
                      tt="none"
                    >
                      {m.body ? (m.kind === 'internal' ? 'Note' : 'Reply') : 'Changes'}
                    </Badge>
                  </Group>
                </Group>
              </Combobox.Option>
            ))
          )}
        </Combobox.Options>
        <Combobox.Footer>
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            c="gray.9"
            fullWidth
            justify="flex-start"
            leftSection={<IconDeviceFloppy size={14} aria-hidden />}
            onClick={() => {
              combobox.closeDropdown();
              onSaveOwn();
            }}
          >
            Save this text as my macro…
          </Button>
        </Combobox.Footer>
      </Combobox.Dropdown>
    </Combobox>
  );
}
