export * from './scp/scp-quota';
export * from './scp/residency-scp-props';
export * from './scp/residency-scp';
export * from './scp/au-only-inference-scp';
export * from './scp/region-allowlist-scp';
export * from './scp/au-bedrock-residency-scp';
export * from './policy-core';
