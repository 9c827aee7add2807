import type * as C from '@fairdesk/contract';
import type { z } from 'zod';

export type AutomationRule = z.output<typeof C.AutomationRule>;
export type AutomationTrigger = z.output<typeof C.AutomationTrigger>;
export type AutomationSchedule = z.output<typeof C.AutomationSchedule>;
export type AutomationActionType = C.AutomationActionType;
export type NotifyTarget = z.output<typeof C.NotifyTarget>;
export type DryRunResult = z.output<typeof C.AutomationDryRunResult>;

/** An action while it is edited: its type and whatever fields that type has (checked by the server). */
export type ActionDraft = { type: AutomationActionType } & Record<string, unknown>;

/** The rule being edited, as the server takes it (AutomationWrite). */
export type RuleDraft = {
  name: string;
  trigger: AutomationTrigger;
  schedule: AutomationSchedule | null;
  conditions: unknown;
  actions: ActionDraft[];
  active: boolean;
};
