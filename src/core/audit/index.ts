export * from './probes';
export * from './verdict';
export * from './organizations-api';
export * from './retry';
export * from './explain-error';
export * from './org-walker';
export * from './audit-report';
export * from './render-report';
