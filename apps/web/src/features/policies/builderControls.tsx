import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  TextInput,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type {
  ActionProps,
  FullOption,
  NotToggleProps,
  ValueEditorProps,
  ValueSelectorProps,
} from 'react-querybuilder';
import type { Datatype } from './condition.ts';

// Mantine controls for react-querybuilder, so the condition builder looks, focuses and reads
// like the rest of the console. Each control is named for screen readers by its `title`.

const flat = (options: ValueSelectorProps['options']) =>
  (options as FullOption[]).map((o) => ({ value: String(o.value ?? o.name), label: String(o.label) }));

const widthOf = (className = '') =>
  className.includes('rule-fields') ? 250 : className.includes('rule-operators') ? 210 : 90;

export function SelectorControl({
  options,
  value,
  handleOnChange,
  title,
  disabled,
  className,
}: ValueSelectorProps) {
  return (
    <NativeSelect
      className={className}
      w={widthOf(className)}
      size="xs"
      aria-label={title}
      data={flat(options)}
      value={value ?? ''}
      onChange={(e) => handleOnChange(e.currentTarget.value)}
      disabled={disabled}
    />
  );
}

export function ActionControl({ label, title, handleOnClick, disabled, className }: ActionProps) {
  if (className?.includes('remove'))
    return (
      <ActionIcon
        className={className}
        variant="subtle"
        color="gray"
        aria-label={title}
        onClick={(e) => handleOnClick(e)}
        disabled={disabled}
      >
        <IconTrash size={16} />
      </ActionIcon>
    );
  return (
    <Button
      className={className}
      size="compact-sm"
      variant="light"
      title={title}
      onClick={(e) => handleOnClick(e)}
      disabled={disabled}
    >
      {label}
    </Button>
  );
}

export function NotControl({ checked, handleOnChange, label, title, disabled, className }: NotToggleProps) {
  return (
    <Checkbox
      className={className}
      size="xs"
      label={label}
      title={title}
      checked={!!checked}
      onChange={(e) => handleOnChange(e.currentTarget.checked)}
      disabled={disabled}
    />
  );
}

const UNARY = new Set(['known', 'unknown', 'falsy', 'null', 'notNull']);
const asList = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? v.split(',') : [];
const num = (v: unknown) => (typeof v === 'number' || (typeof v === 'string' && v !== '') ? Number(v) : '');

/** The value of one rule, in the input its field's type calls for. */
export function ValueControl(props: ValueEditorProps) {
  const { operator, value, handleOnChange, fieldData, title, disabled, className } = props;
  if (UNARY.has(operator)) return null;
  const type = (fieldData as { datatype?: Datatype }).datatype ?? 'text';
  const label = `${title ?? 'Value'} for ${fieldData.label}`;
  if (type === 'boolean')
    return (
      <NativeSelect
        className={className}
        size="xs"
        aria-label={label}
        data={[
          { value: 'true', label: 'yes' },
          { value: 'false', label: 'no' },
        ]}
        value={String(value === false || value === 'false' ? 'false' : 'true')}
        onChange={(e) => handleOnChange(e.currentTarget.value === 'true')}
        disabled={disabled}
      />
    );
  if (type === 'select') {
    const data = flat((fieldData.values ?? []) as ValueSelectorProps['options']);
    if (operator === 'in' || operator === 'notIn')
      return (
        <MultiSelect
          className={className}
          size="xs"
          aria-label={label}
          data={data}
          value={asList(value)}
          onChange={handleOnChange}
          disabled={disabled}
          miw={200}
        />
      );
    return (
      <NativeSelect
        className={className}
        size="xs"
        aria-label={label}
        data={data}
        value={String(value ?? '')}
        onChange={(e) => handleOnChange(e.currentTarget.value)}
        disabled={disabled}
      />
    );
  }
  if (type === 'number' && operator === 'between') {
    const [from, to] = Array.isArray(value) ? value : asList(value);
    return (
      <Group gap={4} className={className} wrap="nowrap">
        <NumberInput
          size="xs"
          w={110}
          aria-label={`${label}: from`}
          value={num(from)}
          onChange={(v) => handleOnChange([v, to ?? ''])}
          disabled={disabled}
        />
        and
        <NumberInput
          size="xs"
          w={110}
          aria-label={`${label}: to`}
          value={num(to)}
          onChange={(v) => handleOnChange([from ?? '', v])}
          disabled={disabled}
        />
      </Group>
    );
  }
  if (type === 'number')
    return (
      <NumberInput
        className={className}
        size="xs"
        w={130}
        aria-label={label}
        value={num(value)}
        onChange={handleOnChange}
        disabled={disabled}
      />
    );
  return (
    <TextInput
      className={className}
      size="xs"
      aria-label={label}
      placeholder="true, false, a number or text"
      value={value === undefined || value === null ? '' : String(value)}
      onChange={(e) => handleOnChange(e.currentTarget.value)}
      disabled={disabled}
    />
  );
}
