import { BEDROCK_INVOCATION_ACTIONS, LocatedCoverage, allowGrantsOf, managedPolicyFix } from '../../core/checks/allow-statements';
import { CheckRule, RuleFinding } from '../../core/checks/findings';
import { hasWildcard } from '../../core/checks/glob';
import { describeProfilePrefix, grantsPhrase } from '../../core/checks/grant-messages';
import { judgeModelReference } from '../../core/checks/model-reference';
import { unscopedReach } from '../../core/checks/resource-coverage';
import { TemplateContext } from '../../core/checks/template';

const ID = 'AuBedrock2';

/** For one named profile the catalog's reason says where it routes and what to use instead. */
function reasonFor(r: LocatedCoverage, ctx: TemplateContext): { message: string; fix?: string } {
  // One named profile (account or partition may still be deploy-time values).
  const literal = r.arn !== undefined && !hasWildcard(r.arn.resource);
  const judged = literal ? judgeModelReference(r.value, ctx) : undefined;
  if (judged) return { message: judged.message.replace(/^"[^"]*": /, ''), fix: judged.fix };
  return { message: `it covers ${r.prefixes.map(describeProfilePrefix).join('; ')} inference profiles` };
}

/**
 * AuBedrock2: an IAM Allow on inference profiles that route outside Australia
 * (`apac.`, `global.`, `us.`, `eu.`, `jp.`, `ca.`, `us-gov.`), by name or by a
 * wildcard such as `inference-profile/*`. Application inference profiles are a
 * warning: their ARN does not say what they wrap.
 */
export const AU_BEDROCK_2: CheckRule = {
  id: ID,
  name: 'Inference profiles that route outside Australia',
  description: 'An IAM Allow grants Bedrock invocation on a system inference profile other than au. (apac., global., us., eu., jp., ca., us-gov.), by name or by a wildcard that covers one; on an application inference profile it is a warning, because its ARN does not say what it wraps.',
  fix: 'Name au. inference profiles only: arn:aws:bedrock:ap-southeast-2:ACCOUNT:inference-profile/au.MODEL. For a model without an au. profile, use a model that is on-demand in Sydney (SydneyModelCatalog.resolve lists alternatives).',
  check(resource, ctx) {
    const findings: RuleFinding[] = [];
    for (const grant of allowGrantsOf(resource, BEDROCK_INVOCATION_ACTIONS, ctx)) {
      if (grant.pinnedToAustralia) continue;
      const allows = grantsPhrase(grant);
      for (const r of grant.resources) {
        if (unscopedReach(r)) continue; // AuBedrock1's finding
        if (r.definite.has('PROFILE_ABROAD')) {
          const { message, fix } = reasonFor(r, ctx);
          findings.push({ ruleId: ID, severity: 'error', location: r.location, message: `${allows} on "${r.value.display}": ${message}`, fix: managedPolicyFix(grant) ?? fix });
        } else if (r.possible.has('PROFILE_ABROAD')) {
          findings.push({
            ruleId: ID,
            severity: 'warning',
            location: r.location,
            message: `cannot verify: ${allows} on "${r.value.display}", whose profile ID is a deploy-time value that could be ${r.prefixes.join(', ')}`,
            fix: managedPolicyFix(grant),
          });
        } else if (r.possible.has('APP_PROFILE')) {
          findings.push({
            ruleId: ID,
            severity: 'warning',
            location: r.location,
            message: `cannot verify: ${allows} on application inference profile "${r.value.display}", which may wrap an apac. or global. profile`,
            fix: 'Define the application inference profile in the same app so AuBedrock4 checks what it copies from, or suppress this finding with the profile\'s source as the reason.',
          });
        }
      }
    }
    return findings;
  },
};
