import { withCondition, StatementJson } from '../policy-json';
import { PRINCIPAL_ARN_KEY, ResidencyRules } from './residency-rules';

/**
 * Which statements the exempt principals (`exemptPrincipalArns`) pass.
 *
 * - `ADMINISTRATION` (the default): the statements an exempt principal needs to
 *   repair the organization: administering the covered services in any Region
 *   (finding and deleting what was made abroad, Control Tower's roles working in
 *   every governed Region) and, when that opt-in deny is on, changing AgentCore
 *   memories (the reviewed pipeline it leaves room for). Not the statements
 *   that stop prompts and data leaving Australia: no repair needs a `global.`
 *   profile, Claude Platform or a built-in evaluator.
 * - `EVERY_STATEMENT`: every statement, as before; each exemption then costs
 *   its length once per statement.
 */
export type ExemptionScopeName = 'ADMINISTRATION' | 'EVERY_STATEMENT';
export const EXEMPTION_SCOPES: readonly ExemptionScopeName[] = ['ADMINISTRATION', 'EVERY_STATEMENT'];

/** Why an exempt principal passes a statement under `ADMINISTRATION`, or why it does not. */
export interface ExemptionReason {
  readonly passes: boolean;
  readonly why: string;
}

/**
 * Every statement of the posture, by Sid, with whether an exempt principal
 * passes it under `ADMINISTRATION` and why. A statement missing here carries
 * the exemption (never a lockout by omission), and a test fails until it is
 * classified. IAM gives no cheaper exact encoding: an SCP has no Principal
 * element and no way for one statement's condition to lift another's deny, so
 * an exemption is a condition repeated on each statement it lifts.
 *
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html
 */
export const EXEMPTION_REASONS: Readonly<Record<string, ExemptionReason>> = {
  DenyBedrockOutsideResidencyRegions: { passes: true, why: 'administering resources in any Region: finding and deleting what was made abroad; Control Tower\'s roles work in every governed Region' },
  DenyBedrockOutsideAllowedRegions: { passes: true, why: 'the same, in the residency Regions that are not origin Regions (Melbourne by default)' },
  DenyAgentCoreMemoryChanges: { passes: true, why: 'the opt-in deny leaves memory changes to the exempt principals (a reviewed pipeline); without the exemption no one could create a memory' },
  DenyUnapprovedInferenceProfiles: { passes: false, why: 'only model-invocation legs carry a profile: no repair invokes a model through apac., global. or an unlisted profile' },
  DenyGlobalCrossRegionInference: { passes: false, why: 'global. model legs: invocation, not administration' },
  DenyInferenceProfileArnNotAnArn: { passes: false, why: 'model-invocation legs with a malformed profile ARN: never needed' },
  DenyUnapprovedGuardrailAndDataAutomationProfiles: { passes: false, why: 'applying or configuring a guardrail or Data Automation profile that routes abroad; a repair switches to au. profiles, which are open' },
  DenyResourcesOutsideResidencyRegions: { passes: false, why: 'sending content to a resource abroad; administering it (Get, List, Delete) is not in the statement' },
  DenyServicesWithoutAustralianProcessing: { passes: false, why: 'Claude Platform on AWS and Nova Act process outside Australia; repairing the organization never needs them' },
  DenyDataSharingWithModelProviders: { passes: false, why: 'turning on data sharing with model providers; resetting a mode to default, inherit or none stays open to everyone' },
  DenyMantleDataSharingWithModelProviders: { passes: false, why: 'the same for Mantle projects' },
  DenyServiceSideCrossRegionInference: { passes: false, why: 'features whose inference AWS routes outside Australia (structured queries, Agent Registry search, policy generation)' },
  DenyBuiltInEvaluators: { passes: false, why: 'evaluations on models and Regions AWS picks' },
  DenyLongTermBedrockApiKeys: { passes: false, why: 'calls with a long-term key are made by IAM users, not by break-glass roles' },
  DenyLongTermMantleApiKeys: { passes: false, why: 'calls with a long-term Mantle key are made by IAM users, not by break-glass roles' },
  DenyCreatingLongTermBedrockApiKeys: { passes: false, why: 'creating a long-term key repairs nothing' },
};

/** Whether the exempt principals pass this statement under these rules. */
export function passesExempt(sid: string, rules: ResidencyRules): boolean {
  return rules.exemptionScope === 'EVERY_STATEMENT' || (EXEMPTION_REASONS[sid]?.passes ?? true);
}

/**
 * Lets exempt principals through a deny statement that they pass (see
 * `EXEMPTION_REASONS`): the statement then applies only when
 * `aws:PrincipalArn` matches none of the patterns. An `ArnNotLike` on a key
 * the request always carries is safe: SCPs see the calling principal's ARN on
 * every request.
 */
export function exemptPrincipals(statement: StatementJson, rules: ResidencyRules): StatementJson {
  if (rules.exemptPrincipalArns.length === 0 || !passesExempt(statement.Sid, rules)) return statement;
  return {
    ...statement,
    Condition: withCondition(statement.Condition, 'ArnNotLike', PRINCIPAL_ARN_KEY, rules.exemptPrincipalArns),
  };
}
