export * from './custom-resource-event';
export * from './organizations-calls';
export * from './ou-path';
export * from './resolve-ou-path';
export * from './ou-path-handler';
export * from './slot-plan';
export * from './scp-slot-guard-handler';
