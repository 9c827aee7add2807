import type * as C from '@fairdesk/contract';
import type { z } from 'zod';

export type Macro = z.output<typeof C.Macro>;
/** Field changes as sent to the server ("me", ids, null to clear). */
export type MacroChanges = z.input<typeof C.MacroChanges>;
export type RenderedMacro = z.output<typeof C.RenderedMacro>;
export type ResolvedChanges = z.output<typeof C.ResolvedMacroChanges>;
export type Placeholder = z.output<typeof C.Placeholder>;
export type MacroKind = 'public' | 'internal';
