export * from './cases.ts';
export * from './common.ts';
export * from './customers.ts';
export * from './policies.ts';
export * from './realtime.ts';
export * from './sessions.ts';
export * from './staff.ts';
export * from './workspace.ts';
