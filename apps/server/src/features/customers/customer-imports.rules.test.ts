import { describe, expect, it } from 'vitest';
import {
  importUpdate,
  MAX_REJECTED_KEPT,
  missingColumns,
  normaliseHeader,
  readImportRow,
  rejectionsToKeep,
} from './customer-imports.rules.ts';

describe('reading an import row', () => {
  it('reads a full row the way POST /customers would', () => {
    const read = readImportRow({
      name: ' Jane Fox ',
      email: 'Jane@Example.TEST',
      phone: '+1 555 0100',
      language: 'en-GB',
      organisation: 'Acme',
      notes: 'Met at the fair',
    });
    expect(read).toEqual({
      ok: true,
      row: {
        name: 'Jane Fox',
        email: 'jane@example.test',
        phone: '+1 555 0100',
        language: 'en-GB',
        notes: 'Met at the fair',
        organisation: 'Acme',
      },
    });
  });

  it('marks empty optional cells as not given', () => {
    const read = readImportRow({ name: 'Tom', email: 'tom@example.test', phone: '', language: ' ' });
    expect(read.ok && read.row).toMatchObject({ phone: null, language: null, organisation: null, notes: '' });
  });

  it.each([
    [{ name: 'X', email: 'not-an-email' }, /email/],
    [{ name: '', email: 'x@example.test' }, /name/],
    [{ email: 'x@example.test' }, /name/],
    [{ name: 'X', email: 'x@example.test', language: 'English' }, /language/],
    [{ name: 'X', email: 'x@example.test', phone: 'call me' }, /phone/],
    [{ name: 'X', email: 'x@example.test', organisation: 'o'.repeat(201) }, /organisation/],
  ])('rejects %j', (record, reason) => {
    const read = readImportRow(record);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toMatch(reason);
  });
});

describe('the import report and updates', () => {
  it('needs an email column, matched case-insensitively', () => {
    expect(missingColumns(normaliseHeader([' Name', 'EMAIL ']))).toEqual([]);
    expect(missingColumns(normaliseHeader(['name', 'e-mail']))).toEqual(['email']);
  });

  it('keeps at most the first 1,000 rejected rows', () => {
    const batch = Array.from({ length: 10 }, (_, i) => ({ line: i + 2, reason: 'bad' }));
    expect(rejectionsToKeep(0, batch)).toHaveLength(10);
    expect(rejectionsToKeep(MAX_REJECTED_KEPT - 3, batch).map((r) => r.line)).toEqual([2, 3, 4]);
    expect(rejectionsToKeep(MAX_REJECTED_KEPT + 5, batch)).toEqual([]);
  });

  it('updates a known customer only with the cells that were filled', () => {
    const row = { name: 'N', email: 'e@x.test', phone: null, language: 'fr', notes: 'n', organisation: null };
    expect(importUpdate(row, null)).toEqual({ name: 'N', language: 'fr' });
    expect(importUpdate({ ...row, phone: '1', language: null }, 'org-1')).toEqual({
      name: 'N',
      phone: '1',
      organisation_id: 'org-1',
    });
  });
});
