// The CDK-free policy core: plain functions and data, reusable without synthesis.
export * from './regions';
export * from './geography';
export * from './inference-profiles';
export * from './identifiers';
export * from './validation-errors';
export * from './validators';
export * from './policy-json';
export * from './size-budget';
export * from './profile-warnings';
export * from './statements/residency-rules';
export * from './statements/validate-residency-rules';
export * from './statements/exemptions';
export * from './statements/deny-unapproved-inference-profiles';
export * from './statements/deny-global-inference';
export * from './statements/deny-outside-residency-regions';
export * from './statements/deny-origin-outside-allowed-regions';
export * from './statements/documents';
