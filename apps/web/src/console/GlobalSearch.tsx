import { TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { type FormEvent, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';

export function GlobalSearch() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const ref = useRef<HTMLInputElement>(null);
  useHotkeys([['/', () => ref.current?.focus()]]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim()) navigate(`/search?q=${encodeURIComponent(q.trim())}`);
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: the search landmark on a form is what screen readers announce best today
    <form onSubmit={submit} role="search" style={{ flex: 1, maxWidth: 480 }}>
      <TextInput
        ref={ref}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        placeholder="Search cases and messages  ( / )"
        aria-label="Search cases and messages"
        leftSection={<IconSearch size={16} />}
      />
    </form>
  );
}
