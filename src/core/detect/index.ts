// Detective controls without CDK: patterns, queries and data-event selectors.
export * from './cloudtrail-fields';
export * from './detection-rules';
export * from './validate-detection-input';
export * from './metric-filter-patterns';
export * from './event-patterns';
export * from './audit-queries';
export * from './data-event-resources';
export * from './advanced-selectors';
export * from './surface-detections';
