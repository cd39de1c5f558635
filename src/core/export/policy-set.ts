import { POLICY_DESCRIPTION_MAX } from '../identifiers';
import { StatementJson } from '../policy-json';
import { minify } from '../size-budget';
import { residencyPostureDescription, auOnlyInferenceDescription, regionAllowlistDescription } from '../statements/descriptions';
import { auOnlyInferenceStatements, regionAllowlistStatements, residencyPostureStatements } from '../statements/documents';
import { ResidencyRules } from '../statements/residency-rules';
import { planSpill, SpillPlan } from '../statements/spill';

/** One SCP of the exported posture. */
export interface ExportedPolicy {
  /** Name in Organizations and in the pipeline's config; also the file name. */
  readonly name: string;
  readonly description: string;
  /** Minified JSON, exactly what the pipeline sends to Organizations. */
  readonly json: string;
}

/** Base names; a prefix may be prepended. */
export const COMBINED_POLICY_NAME = 'au-bedrock-residency';
export const AU_ONLY_POLICY_NAME = 'au-only-inference';
export const REGION_ALLOWLIST_POLICY_NAME = 'region-allowlist';

/** Room a part suffix (`-part10`) takes in a policy name. */
export const PART_SUFFIX_ROOM = '-part10'.length;

/** One lock of the export (or the combined posture) before packing. */
interface Lock {
  readonly name: string;
  readonly description: string;
  readonly statements: (rules: ResidencyRules) => StatementJson[];
}

/** A lock packed into the SCPs that hold it. */
export interface PackedLock {
  readonly name: string;
  readonly plan: SpillPlan;
  readonly policies: ExportedPolicy[];
}

function locks(rules: ResidencyRules, split: boolean, prefix: string): Lock[] {
  if (!split) return [{ name: `${prefix}${COMBINED_POLICY_NAME}`, description: residencyPostureDescription(rules), statements: residencyPostureStatements }];
  return [
    { name: `${prefix}${AU_ONLY_POLICY_NAME}`, description: auOnlyInferenceDescription(rules), statements: auOnlyInferenceStatements },
    { name: `${prefix}${REGION_ALLOWLIST_POLICY_NAME}`, description: regionAllowlistDescription(rules), statements: regionAllowlistStatements },
  ];
}

/**
 * The combined posture (one SCP slot), or the two locks apart (detachable one
 * at a time), each packed into the fewest SCPs of `limit` characters that hold
 * it: `NAME`, then `NAME-part2`, `NAME-part3`... The slot budget is shared by
 * the locks: the first takes what it needs, the second what is left.
 */
export function packedPolicySet(rules: ResidencyRules, split: boolean, prefix: string, limit: number, slotBudget: number): PackedLock[] {
  const out: PackedLock[] = [];
  let left = slotBudget;
  for (const lock of locks(rules, split, prefix)) {
    const plan = planSpill(rules, lock.statements, limit, Math.max(0, left));
    left -= plan.documents.length;
    const n = plan.documents.length;
    const policies = plan.documents.map((doc, i) => ({
      name: i === 0 ? lock.name : `${lock.name}-part${i + 1}`,
      description: n === 1 ? lock.description : partDescription(lock.description, i + 1, n),
      json: minify(doc),
    }));
    out.push({ name: lock.name, plan, policies });
  }
  return out;
}

function partDescription(description: string, n: number, count: number): string {
  const suffix = ` (part ${n} of ${count})`;
  return `${description.slice(0, POLICY_DESCRIPTION_MAX - suffix.length)}${suffix}`;
}
