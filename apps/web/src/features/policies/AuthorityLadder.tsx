import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { Ladder, Rung } from './policyForm.ts';
import type { StaffRole } from './types.ts';
import { ROLES } from './words.ts';

type Props = { value: Ladder; onChange: (v: Ladder) => void; disabled?: boolean; error?: string };

/** Who may grant what: one rung per role, each up to an amount and/or a number of days. */
export function AuthorityLadder({ value, onChange, disabled, error }: Props) {
  const setRung = (i: number, patch: Partial<Rung>) =>
    onChange({ ...value, rungs: value.rungs.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const unused = ROLES.filter((r) => !value.rungs.some((x) => x.role === r));
  return (
    <Fieldset legend="Authority ladder" disabled={disabled}>
      <Stack gap="xs">
        <Text size="xs" c="dimmed">
          The lowest role whose limit covers the request decides it; beyond the top rung the request is
          refused with the alternatives. Leave a limit empty for “no limit”.
        </Text>
        <Group grow>
          <TextInput
            label="Currency of the amounts"
            description="ISO code; empty = any"
            maxLength={3}
            value={value.currency}
            onChange={(e) => onChange({ ...value, currency: e.currentTarget.value })}
          />
          <TextInput
            label="Fact that counts the days"
            value={value.days_fact}
            onChange={(e) => onChange({ ...value, days_fact: e.currentTarget.value })}
          />
        </Group>
        <Table verticalSpacing={4} withRowBorders={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Role</Table.Th>
              <Table.Th scope="col">Up to amount</Table.Th>
              <Table.Th scope="col">Up to days</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Remove</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {value.rungs.map((r, i) => (
              <Table.Tr key={r.role}>
                <Table.Td>
                  <NativeSelect
                    miw={130}
                    aria-label={`Rung ${i + 1}: role`}
                    data={[r.role, ...unused]}
                    value={r.role}
                    onChange={(e) => setRung(i, { role: e.currentTarget.value as StaffRole })}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`Rung ${i + 1}: up to amount`}
                    placeholder="no limit"
                    min={0}
                    decimalScale={2}
                    value={r.max_amount}
                    onChange={(v) => setRung(i, { max_amount: String(v) })}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`Rung ${i + 1}: up to days`}
                    placeholder="no limit"
                    min={0}
                    allowDecimal={false}
                    value={r.max_days}
                    onChange={(v) => setRung(i, { max_days: String(v) })}
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Remove the ${r.role} rung`}
                    disabled={value.rungs.length <= 1}
                    onClick={() => onChange({ ...value, rungs: value.rungs.filter((_, j) => j !== i) })}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {error && (
          <Text size="xs" c="red" role="alert">
            {error}
          </Text>
        )}
        {unused.length > 0 && value.rungs.length < 4 && (
          <Group>
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconPlus size={14} />}
              onClick={() =>
                onChange({
                  ...value,
                  rungs: [...value.rungs, { role: unused[0]!, max_amount: '', max_days: '' }],
                })
              }
            >
              Add a rung
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
