import { BEDROCK_INVOCATION_ACTIONS, allowGrantsOf, managedPolicyFix } from '../../core/checks/allow-statements';
import { CheckRule, RuleFinding } from '../../core/checks/findings';
import { grantsPhrase } from '../../core/checks/grant-messages';
import { unscopedReach } from '../../core/checks/resource-coverage';

const ID = 'AuBedrock1';

/**
 * AuBedrock1: an IAM Allow that lets a principal invoke any Bedrock model
 * through any inference profile: `Resource: "*"`, `arn:aws:bedrock:*:*:*`,
 * or `NotResource`. Such a grant authorises every leg of an `apac.` or
 * `global.` call, so only an SCP stands between the caller and Tokyo.
 */
export const AU_BEDROCK_1: CheckRule = {
  id: ID,
  name: 'Unscoped Bedrock invocation',
  description: 'An IAM Allow grants Bedrock invocation (bedrock:InvokeModel, InvokeModelWithResponseStream, CreateModelInvocationJob, or a wildcard covering them) on Resource "*", on a Bedrock ARN pattern that covers every Region and every inference profile, or through NotResource.',
  fix: 'Grant invocation on residency-safe paths only: use SovereignBedrockInvoker (or grantInvoke), or name arn:aws:bedrock:ap-southeast-2::foundation-model/MODEL for on-demand models and an au. profile with its model legs in ap-southeast-2 and ap-southeast-4. A Condition StringEquals aws:RequestedRegion [ap-southeast-2, ap-southeast-4] also scopes the grant.',
  check(resource, ctx) {
    const findings: RuleFinding[] = [];
    for (const grant of allowGrantsOf(resource, BEDROCK_INVOCATION_ACTIONS, ctx)) {
      if (grant.pinnedToAustralia) continue;
      const allows = grantsPhrase(grant);
      if (grant.notResource) {
        findings.push({
          ruleId: ID,
          severity: 'error',
          location: grant.notResource.location,
          message: `${allows} on every resource except [${grant.notResource.display}] (NotResource): that includes foundation models outside Australia and apac. and global. inference profiles`,
          fix: managedPolicyFix(grant),
        });
      }
      for (const r of grant.resources) {
        const reach = unscopedReach(r);
        if (reach === 'definite') {
          findings.push({
            ruleId: ID,
            severity: 'error',
            location: r.location,
            message: `${allows} on "${r.value.display}": every model in every Region (including the Region-less global form) and every inference profile, including apac. and global.`,
            fix: managedPolicyFix(grant),
          });
        } else if (reach === 'possible') {
          findings.push({
            ruleId: ID,
            severity: 'warning',
            location: r.location,
            message: `cannot verify: ${allows} on "${r.value.display}", a deploy-time value that could be any Bedrock model or inference profile`,
            fix: managedPolicyFix(grant),
          });
        }
      }
    }
    return findings;
  },
};
