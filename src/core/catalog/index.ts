export * from './catalog-types';
export * from './catalog-data';
export * from './residency-path';
export * from './render-catalog';
export * from './sydney-catalog.generated';
export * from './build-catalog';
export * from './diff-catalog';
