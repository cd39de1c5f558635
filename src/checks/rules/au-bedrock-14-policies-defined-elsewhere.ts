import { CheckRule, RuleFinding } from '../../core/checks/findings';
import { resolveString } from '../../core/checks/intrinsics';
import { MANAGED_POLICIES_SOURCE, managedPolicyAttachments } from '../../core/checks/managed-policies';
import { locationOf } from '../../core/checks/template';

const ID = 'AuBedrock14';

/**
 * AuBedrock14: policies the checks cannot read from the template. An IAM
 * Identity Center permission set's `CustomerManagedPolicyReferences` name
 * policies that live in each assigned account; an AWS managed policy whose name
 * says it concerns Bedrock, Mantle, AgentCore or Claude but that is not in the
 * dated copy of AWS managed policies is newer than that copy. Both are warnings.
 *
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetcustom.html
 */
export const AU_BEDROCK_14: CheckRule = {
  id: ID,
  name: 'Policies defined outside the template',
  description: 'A permission set references customer managed policies (CustomerManagedPolicyReferences), whose documents live in each assigned account; or a principal attaches an AWS managed policy for Bedrock, Mantle, AgentCore or Claude that the checks\' dated copy of AWS managed policies does not have. Warnings: the grants cannot be read here.',
  fix: 'Check the referenced policy with the same rules where it is defined (for example SovereignBedrockChecks on the stack that creates it in each account), then suppress with that as the reason; for a new AWS managed policy, refresh the copy (maintainer/managed-policies.ts).',
  check(resource, ctx) {
    const findings: RuleFinding[] = [];
    if (resource.type === 'AWS::SSO::PermissionSet' && Array.isArray(resource.properties.CustomerManagedPolicyReferences)) {
      resource.properties.CustomerManagedPolicyReferences.forEach((ref, i) => {
        const name = typeof ref === 'object' && ref !== null ? resolveString((ref as Record<string, unknown>).Name, ctx) : undefined;
        findings.push({
          ruleId: ID,
          severity: 'warning',
          location: locationOf('Properties', 'CustomerManagedPolicyReferences', i),
          message: `cannot verify: the permission set attaches customer managed policy "${name?.display ?? '?'}", defined in each assigned account rather than in this template`,
        });
      });
    }
    for (const a of managedPolicyAttachments(resource, ctx)) {
      if (!a.unknownButRelevant) continue;
      findings.push({
        ruleId: ID,
        severity: 'warning',
        location: a.location,
        message: `cannot verify: AWS managed policy ${a.awsManagedName} is not in the checks' copy of AWS managed policies (${MANAGED_POLICIES_SOURCE})`,
      });
    }
    return findings;
  },
};
