import { policyDocument, PolicyDocumentJson, StatementJson } from '../policy-json';
import { denyServicesEverywhere } from './deny-claude-platform';
import { denyGlobalInference } from './deny-global-inference';
import { denyLongTermApiKeys } from './deny-long-term-api-keys';
import { denyMalformedInferenceProfileArns } from './deny-malformed-inference-profile-arns';
import { denyOriginOutsideAllowedRegions } from './deny-origin-outside-allowed-regions';
import { denyOutsideResidencyRegions } from './deny-outside-residency-regions';
import { denyResourcesOutsideResidencyRegions } from './deny-resources-outside-residency-regions';
import { serviceSideStatements } from './deny-service-side-inference';
import { denyUnapprovedInferenceProfiles } from './deny-unapproved-inference-profiles';
import { denyUnapprovedRoutingProfiles } from './deny-unapproved-routing-profiles';
import { ResidencyRules } from './residency-rules';

/**
 * Statements of the profile lock: which inference, guardrail and Data
 * Automation profiles may carry a call.
 */
export function auOnlyInferenceStatements(rules: ResidencyRules): StatementJson[] {
  return [
    denyUnapprovedInferenceProfiles(rules),
    ...(rules.denyGlobalExplicitly ? [denyGlobalInference(rules)] : []),
    denyUnapprovedRoutingProfiles(rules),
    denyMalformedInferenceProfileArns(rules),
  ];
}

/**
 * Statements of the Region lock: where calls may originate and be served, the
 * Region of the resources they name, the services that never process in
 * Australia, SageMaker endpoints abroad (Bedrock Marketplace), the service-side features that
 * route prompts where no SCP sees, and (opt-in) long-term API keys.
 */
export function regionAllowlistStatements(rules: ResidencyRules): StatementJson[] {
  return [
    denyOutsideResidencyRegions(rules),
    denyOriginOutsideAllowedRegions(rules),
    denyResourcesOutsideResidencyRegions(rules),
    ...[denyServicesEverywhere(rules)].filter((s): s is StatementJson => s !== undefined),
    ...serviceSideStatements(rules),
    ...(rules.denyLongTermApiKeys ? denyLongTermApiKeys(rules) : []),
  ];
}

export function auOnlyInferenceDocument(rules: ResidencyRules): PolicyDocumentJson {
  return policyDocument(auOnlyInferenceStatements(rules));
}

export function regionAllowlistDocument(rules: ResidencyRules): PolicyDocumentJson {
  return policyDocument(regionAllowlistStatements(rules));
}

/** Both locks: the profile lock's statements, then the Region lock's. */
export function residencyPostureStatements(rules: ResidencyRules): StatementJson[] {
  return [...auOnlyInferenceStatements(rules), ...regionAllowlistStatements(rules)];
}

/** Both locks in one document, for organizations short of SCP slots. */
export function residencyPostureDocument(rules: ResidencyRules): PolicyDocumentJson {
  return policyDocument(residencyPostureStatements(rules));
}
