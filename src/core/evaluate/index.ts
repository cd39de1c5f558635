export * from './wildcard';
export * from './condition-operators';
export * from './scp-evaluator';
