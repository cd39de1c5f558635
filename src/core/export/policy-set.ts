import { minify } from '../size-budget';
import { residencyPostureDescription, auOnlyInferenceDescription, regionAllowlistDescription } from '../statements/descriptions';
import { auOnlyInferenceDocument, regionAllowlistDocument, residencyPostureDocument } from '../statements/documents';
import { ResidencyRules } from '../statements/residency-rules';

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

/** The combined posture (one SCP slot), or the two locks apart (detachable one at a time). */
export function policySet(rules: ResidencyRules, split: boolean, prefix: string): ExportedPolicy[] {
  if (!split) {
    return [{ name: `${prefix}${COMBINED_POLICY_NAME}`, description: residencyPostureDescription(rules), json: minify(residencyPostureDocument(rules)) }];
  }
  return [
    { name: `${prefix}${AU_ONLY_POLICY_NAME}`, description: auOnlyInferenceDescription(rules), json: minify(auOnlyInferenceDocument(rules)) },
    { name: `${prefix}${REGION_ALLOWLIST_POLICY_NAME}`, description: regionAllowlistDescription(rules), json: minify(regionAllowlistDocument(rules)) },
  ];
}
