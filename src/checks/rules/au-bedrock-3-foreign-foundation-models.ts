import { BEDROCK_INVOCATION_ACTIONS, allowGrantsOf, managedPolicyFix } from '../../core/checks/allow-statements';
import { CheckRule, RuleFinding } from '../../core/checks/findings';
import { describeRegionsAbroad, grantsPhrase } from '../../core/checks/grant-messages';
import { unscopedReach } from '../../core/checks/resource-coverage';

const ID = 'AuBedrock3';

function where(regions: readonly string[]): string {
  return regions.length === 1 && regions[0] === ''
    ? 'the Region-less ARN is the model leg of a global. cross-Region call, which can be served in any commercial Region worldwide'
    : `models served in ${describeRegionsAbroad(regions)}`;
}

/**
 * AuBedrock3: an IAM Allow on models served outside Australia: foundation-model
 * (and provisioned, custom, imported model) ARNs whose Region is not
 * ap-southeast-2 or ap-southeast-4, is a wildcard, or is empty. The Region-less
 * `arn:aws:bedrock:::foundation-model/...` is the model leg of a `global.` call.
 */
export const AU_BEDROCK_3: CheckRule = {
  id: ID,
  name: 'Models outside Australia',
  description: 'An IAM Allow grants Bedrock invocation on a foundation model (or provisioned, custom or imported model) whose ARN Region is outside Australia, a wildcard such as "*", or empty (the Region-less ARN of a global. model leg).',
  fix: 'Name the Region: arn:aws:bedrock:ap-southeast-2::foundation-model/MODEL for on-demand calls, and ap-southeast-2 plus ap-southeast-4 for the model legs of au. profiles (with a bedrock:InferenceProfileArn condition, as SovereignBedrockInvoker does).',
  check(resource, ctx) {
    const findings: RuleFinding[] = [];
    for (const grant of allowGrantsOf(resource, BEDROCK_INVOCATION_ACTIONS, ctx)) {
      if (grant.pinnedToAustralia) continue;
      const allows = grantsPhrase(grant);
      for (const r of grant.resources) {
        if (unscopedReach(r)) continue; // AuBedrock1's finding
        if (r.definite.has('MODEL_ABROAD')) {
          findings.push({
            ruleId: ID,
            severity: 'error',
            location: r.location,
            message: `${allows} on "${r.value.display}": ${where(r.regionsAbroad)}`,
            fix: managedPolicyFix(grant),
          });
        } else if (r.possible.has('MODEL_ABROAD')) {
          findings.push({
            ruleId: ID,
            severity: 'warning',
            location: r.location,
            message: `cannot verify: ${allows} on "${r.value.display}", whose Region is a deploy-time value`,
            fix: 'Give the stack an explicit env (region: ap-southeast-2) or write the Region into the ARN.',
          });
        }
      }
    }
    return findings;
  },
};
