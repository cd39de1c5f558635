import { policyDocument, PolicyDocumentJson, StatementJson } from '../policy-json';
import { denyGlobalInference } from './deny-global-inference';
import { denyOriginOutsideAllowedRegions } from './deny-origin-outside-allowed-regions';
import { denyOutsideResidencyRegions } from './deny-outside-residency-regions';
import { denyUnapprovedInferenceProfiles } from './deny-unapproved-inference-profiles';
import { ResidencyRules } from './residency-rules';

/** Statements of the inference-profile lock: which profiles may carry a call. */
export function auOnlyInferenceStatements(rules: ResidencyRules): StatementJson[] {
  return [
    denyUnapprovedInferenceProfiles(rules),
    ...(rules.denyGlobalExplicitly ? [denyGlobalInference(rules)] : []),
  ];
}

/** Statements of the Region lock: where calls may originate and be served. */
export function regionAllowlistStatements(rules: ResidencyRules): StatementJson[] {
  return [
    denyOutsideResidencyRegions(rules),
    denyOriginOutsideAllowedRegions(rules),
  ];
}

export function auOnlyInferenceDocument(rules: ResidencyRules): PolicyDocumentJson {
  return policyDocument(auOnlyInferenceStatements(rules));
}

export function regionAllowlistDocument(rules: ResidencyRules): PolicyDocumentJson {
  return policyDocument(regionAllowlistStatements(rules));
}

/** Both locks in one document, for organizations short of SCP slots. */
export function residencyPostureDocument(rules: ResidencyRules): PolicyDocumentJson {
  return policyDocument([...auOnlyInferenceStatements(rules), ...regionAllowlistStatements(rules)]);
}
