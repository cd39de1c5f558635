import { StatementJson } from '../policy-json';
import { unionRegions } from '../regions';
import { BUILT_IN_EVALUATOR_PATTERNS } from './deny-service-side-inference';
import { exemptPrincipals } from './exemptions';
import { ResidencyRules } from './residency-rules';
import { RESOURCE_SCOPED_CONTENT_ACTIONS } from './service-authorization.generated';

export const DENY_RESOURCES_OUTSIDE_RESIDENCY_REGIONS_SID = 'DenyResourcesOutsideResidencyRegions';

/** `arn:aws:*:ap-southeast-2:*:*`: any resource of any service in the Region (six parts, as every ARN has). */
export function regionArnPattern(region: string): string {
  return `arn:aws:*:${region}:*:*`;
}

/**
 * Defence in depth: a content-sending call that names a resource whose ARN is
 * in a Region outside the residency Regions is denied, whatever
 * `aws:RequestedRegion` says. The Region statements judge the Region a request
 * is made in; this one judges the Region of the thing it reaches.
 *
 * Only actions of the covered services (`coveredServices`) that always name a
 * resource are listed (from the Service
 * Authorization Reference), because a request for an action without
 * resource-level permissions carries `*`, which no Region pattern matches.
 *
 * Region-less ARNs are not excepted: `global.` model legs
 * (`arn:aws:bedrock:::foundation-model/...`) are denied here as well as by the
 * Region statements, a second lock; so are Bedrock system tools
 * (`arn:aws:bedrock::ACCOUNT:system-tool/...`), whose processing Region AWS does
 * not document. `au.` legs name Sydney or Melbourne foundation-model ARNs and
 * pass. AgentCore's Region-less built-in evaluators pass only when
 * `serviceSideInference.denyBuiltInEvaluators` is turned off.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html
 */
export function denyResourcesOutsideResidencyRegions(rules: ResidencyRules): StatementJson {
  const regions = unionRegions(rules.geography.homeRegions, rules.allowedOriginRegions);
  const builtIn = rules.serviceSide.denyBuiltInEvaluators ? [] : BUILT_IN_EVALUATOR_PATTERNS.filter((p) => p.includes(':::'));
  return exemptPrincipals({
    Sid: DENY_RESOURCES_OUTSIDE_RESIDENCY_REGIONS_SID,
    Effect: 'Deny',
    Action: RESOURCE_SCOPED_CONTENT_ACTIONS.filter((a) => (rules.coveredPrefixes as readonly string[]).includes(a.split(':')[0])),
    NotResource: [...regions.map(regionArnPattern), ...builtIn],
  }, rules);
}
