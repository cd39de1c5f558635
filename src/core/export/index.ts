export * from './yaml';
export * from './export-types';
export * from './policy-set';
export * from './validate-export';
export * from './landing-zone-configs';
export * from './export-posture';
export * from './region-deny-export';
