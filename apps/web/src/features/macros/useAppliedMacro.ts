import { useState } from 'react';
import { api } from '../../lib/api.ts';
import { type ChangeKey, hasChanges, toChanges, withoutChange } from './changes.ts';
import type { RenderedMacro, ResolvedChanges } from './types.ts';
import { renderMacro } from './useMacros.ts';

export type AppliedMacro = { id: string; name: string; changes: ResolvedChanges };

type Send = { body: string; visibility: 'public' | 'internal'; attachment_ids: string[]; version: number };

/**
 * The macro applied in the reply editor: rendering it for the case, the pending changes the agent
 * may still drop, and sending the reply with them in one request.
 */
export function useAppliedMacro(caseId: string) {
  const [applied, setApplied] = useState<AppliedMacro | null>(null);
  const [rendering, setRendering] = useState(false);
  const render = async (macroId: string): Promise<RenderedMacro> => {
    setRendering(true);
    try {
      const r = await renderMacro(caseId, macroId);
      setApplied({ id: macroId, name: r.name, changes: r.changes });
      return r;
    } finally {
      setRendering(false);
    }
  };
  const remove = (key: ChangeKey) => setApplied((a) => a && { ...a, changes: withoutChange(a.changes, key) });
  /** Sends through the macro when one is applied; returns null when the caller sends as usual. */
  const send = (m: Send) =>
    applied
      ? api<{ message_id: string | null; changes: string[] }>(`/cases/${caseId}/macros/${applied.id}/apply`, {
          method: 'POST',
          body: { ...m, body: m.body || undefined, changes: toChanges(applied.changes) },
        })
      : null;
  return {
    applied,
    rendering,
    render,
    remove,
    send,
    clear: () => setApplied(null),
    /** A macro that only changes fields may be sent without text. */
    changesOnly: applied !== null && hasChanges(applied.changes),
  };
}
