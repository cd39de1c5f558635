import { ResourceFinding } from './findings';
import { locationOf } from './template';

/**
 * Template metadata key for suppressions, in the style of cdk-nag's `cdk_nag`:
 * `Metadata: { cdk_sovereign_bedrock: { rules_to_suppress: [{ id, reason }] } }`.
 * It lives on the resource in the template, so the validation plugin (which
 * reads templates only) and the Aspect see the same suppressions.
 */
export const SUPPRESSION_METADATA_KEY = 'cdk_sovereign_bedrock';
export const SUPPRESSION_LIST_KEY = 'rules_to_suppress';
/** Pseudo-rule reported for malformed suppression entries. */
export const SUPPRESSION_RULE_ID = 'AuBedrockSuppression';

export interface SuppressionEntry {
  readonly id: string;
  readonly reason: string;
}

export interface SuppressionProblem {
  readonly location: string;
  readonly message: string;
}

/** Why an entry cannot be honoured, or undefined when it can. Shared with the construct helper. */
export function suppressionProblem(entry: unknown, knownRuleIds: readonly string[]): string | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return 'must be an object { id, reason }';
  const { id, reason } = entry as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof id !== 'string' || !knownRuleIds.includes(id)) {
    problems.push(`id ${JSON.stringify(id)} is not a rule of these checks. Use one of ${knownRuleIds.join(', ')}`);
  }
  if (typeof reason !== 'string' || reason.trim() === '') {
    problems.push('reason is required: say why this resource may keep the finding, for the next reviewer');
  }
  return problems.length > 0 ? problems.join('; ') : undefined;
}

/** The valid suppressions on a resource, and every malformed entry with where it is. */
export function readSuppressions(metadata: Readonly<Record<string, unknown>>, knownRuleIds: readonly string[]): {
  valid: SuppressionEntry[]; problems: SuppressionProblem[];
} {
  const block = metadata[SUPPRESSION_METADATA_KEY];
  if (block === undefined) return { valid: [], problems: [] };
  const at = locationOf('Metadata', SUPPRESSION_METADATA_KEY);
  const list = typeof block === 'object' && block !== null ? (block as Record<string, unknown>)[SUPPRESSION_LIST_KEY] : undefined;
  if (!Array.isArray(list)) {
    return { valid: [], problems: [{ location: at, message: `must be { ${SUPPRESSION_LIST_KEY}: [{ id, reason }] }` }] };
  }
  const valid: SuppressionEntry[] = [];
  const problems: SuppressionProblem[] = [];
  list.forEach((entry, i) => {
    const problem = suppressionProblem(entry, knownRuleIds);
    if (problem) problems.push({ location: locationOf(at, SUPPRESSION_LIST_KEY, i), message: problem });
    else valid.push({ id: (entry as SuppressionEntry).id, reason: (entry as SuppressionEntry).reason.trim() });
  });
  return { valid, problems };
}

/** A finding a suppression silenced, kept for the report's audit trail. */
export interface SuppressedFinding extends ResourceFinding {
  readonly reason: string;
}
