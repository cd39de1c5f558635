/** The JSON shape of IAM policy documents as this library emits them. */

export type ConditionValues = string | string[];
/** `{ Operator: { 'condition:key': values } }` */
export type ConditionBlock = Record<string, Record<string, ConditionValues>>;

export interface StatementJson {
  readonly Sid: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: string | string[];
  /** The resources the statement covers; exactly one of `Resource` and `NotResource` is set. */
  readonly Resource?: string | string[];
  /** The resources the statement does NOT cover (every other one is). */
  readonly NotResource?: string | string[];
  readonly Condition?: ConditionBlock;
}

export interface PolicyDocumentJson {
  readonly Version: '2012-10-17';
  readonly Statement: StatementJson[];
}

export function policyDocument(statements: readonly StatementJson[]): PolicyDocumentJson {
  const sids = new Set<string>();
  for (const s of statements) {
    if (sids.has(s.Sid)) throw new Error(`duplicate statement ID ${s.Sid}`);
    sids.add(s.Sid);
  }
  return { Version: '2012-10-17', Statement: [...statements] };
}

/**
 * Adds `values` under `operator` / `key` of a condition block, returning a new block.
 * Used to fold principal exemptions into every deny statement.
 */
export function withCondition(
  condition: ConditionBlock | undefined, operator: string, key: string, values: readonly string[],
): ConditionBlock {
  const copy: ConditionBlock = {};
  for (const [op, keys] of Object.entries(condition ?? {})) copy[op] = { ...keys };
  const existing = copy[operator]?.[key];
  if (existing !== undefined) {
    throw new Error(`condition ${operator} ${key} is already set`);
  }
  copy[operator] = { ...(copy[operator] ?? {}), [key]: [...values] };
  return copy;
}
