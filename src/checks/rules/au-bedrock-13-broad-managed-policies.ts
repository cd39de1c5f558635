import { CheckRule } from '../../core/checks/findings';
import { managedPolicyAttachments } from '../../core/checks/managed-policies';

const ID = 'AuBedrock13';

/**
 * AuBedrock13: `AdministratorAccess` and `PowerUserAccess` grant every Bedrock,
 * Mantle, AgentCore and Claude Platform action on every resource. Landing
 * zones attach them to administrators' permission sets and pipeline roles on
 * purpose; for those principals the residency SCPs are the control, not the
 * grant. So the checks do not expand these two policies into the grant rules
 * (which would draw several errors per principal); each attachment draws one
 * warning whose message is the same for every principal, so the validation
 * report lists it once, with every principal that holds the policy.
 */
export const AU_BEDROCK_13: CheckRule = {
  id: ID,
  name: 'Broad AWS managed policies',
  description: 'A role, user, group or permission set attaches AdministratorAccess or PowerUserAccess, which grant every Bedrock, Bedrock Mantle, AgentCore and Claude Platform action everywhere. A warning, reported once per policy with every principal listed: only the residency SCPs keep these principals\' prompts in Australia.',
  fix: 'Keep these policies for administrators and builders behind the residency SCPs (AuBedrockPosture); give workloads scoped policies (SovereignBedrockInvoker). Suppress with a reason where the principal is meant to be broad.',
  check(resource, ctx) {
    return managedPolicyAttachments(resource, ctx).flatMap(({ location, known }) => (known && known.treatment === 'broad'
      ? [{
        ruleId: ID,
        severity: 'warning' as const,
        location,
        message: `attaches ${known.name}, which grants every Bedrock, Bedrock Mantle, AgentCore and Claude Platform action in every Region: only the residency SCPs keep these principals' prompts in Australia`,
        fix: known.advice,
      }]
      : []));
  },
};
