import { describe, expect, it } from 'vitest';
import { encodeMessage, summariseData } from './realtime.ts';

describe('what an event announces', () => {
  it('summarises data to references and the names of changed fields, never values or content', () => {
    expect(
      summariseData({
        visibility: 'internal',
        message_id: 'm1',
        changes: { status: ['new', 'open'], tags: [[], ['vip']] },
        customer_id: 'c1',
        body: 'secret',
        name: 'Alice',
      }),
    ).toEqual({ visibility: 'internal', message_id: 'm1', changes: ['status', 'tags'], customer_id: 'c1' });
    expect(summariseData({ visibility: 'sideways', changes: null })).toEqual({});
  });

  it('keeps every payload under the 8000 bytes NOTIFY allows', () => {
    const base = {
      workspace_id: 'w',
      type: 'case.updated',
      case_id: 'c',
      actor: { kind: 'staff' as const, id: 's' },
    };
    const small = { ...base, data: { changes: ['status'] } };
    expect(JSON.parse(encodeMessage(small))).toEqual(small);
    const huge = { ...base, data: { changes: Array.from({ length: 2000 }, (_, i) => `field_${i}`) } };
    const sent = encodeMessage(huge);
    expect(Buffer.byteLength(sent)).toBeLessThan(8000);
    expect(JSON.parse(sent)).toEqual({ ...base, data: { truncated: true } });
  });
});
