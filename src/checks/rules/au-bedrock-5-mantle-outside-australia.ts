import { MANTLE_INVOCATION_ACTIONS, allowGrantsOf, managedPolicyFix } from '../../core/checks/allow-statements';
import { CheckRule, RuleFinding } from '../../core/checks/findings';
import { describeRegionsAbroad, grantsPhrase } from '../../core/checks/grant-messages';

const ID = 'AuBedrock5';

/**
 * AuBedrock5: Amazon Bedrock powered by AWS Mantle is its own IAM service
 * (`bedrock-mantle:`), so a grant there escapes every `bedrock:` rule. An Allow
 * of `CreateInference` or `CallWithBearerToken` on `*`, on a wildcard Region or
 * on a project outside Australia lets a principal send prompts abroad.
 */
export const AU_BEDROCK_5: CheckRule = {
  id: ID,
  name: 'Bedrock Mantle outside Australia',
  description: 'An IAM Allow grants bedrock-mantle:CreateInference or bedrock-mantle:CallWithBearerToken (or bedrock-mantle:*, *) on Resource "*", through NotResource, or on arn:aws:bedrock-mantle:REGION:... where REGION is outside Australia or a wildcard.',
  fix: 'Name Mantle projects in Australia (arn:aws:bedrock-mantle:ap-southeast-2:ACCOUNT:project/ID), or add Condition StringEquals aws:RequestedRegion [ap-southeast-2, ap-southeast-4]. Model-invocation logging does not record Mantle calls: grant it only where it is needed.',
  check(resource, ctx) {
    const findings: RuleFinding[] = [];
    for (const grant of allowGrantsOf(resource, MANTLE_INVOCATION_ACTIONS, ctx)) {
      if (grant.pinnedToAustralia) continue;
      const allows = grantsPhrase(grant);
      if (grant.notResource) {
        findings.push({
          ruleId: ID,
          severity: 'error',
          location: grant.notResource.location,
          message: `${allows} on every resource except [${grant.notResource.display}] (NotResource): that includes Mantle projects in every Region`,
          fix: managedPolicyFix(grant),
        });
      }
      for (const r of grant.resources) {
        if (r.definite.has('MANTLE_ABROAD')) {
          findings.push({
            ruleId: ID,
            severity: 'error',
            location: r.location,
            message: `${allows} on "${r.value.display}": Bedrock Mantle in ${describeRegionsAbroad(r.regionsAbroad.filter((x) => x !== ''))}`,
            fix: managedPolicyFix(grant),
          });
        } else if (r.possible.has('MANTLE_ABROAD')) {
          findings.push({
            ruleId: ID,
            severity: 'warning',
            location: r.location,
            message: `cannot verify: ${allows} on "${r.value.display}", whose Region is a deploy-time value`,
            fix: managedPolicyFix(grant),
          });
        }
      }
    }
    return findings;
  },
};
