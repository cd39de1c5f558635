import { StatementJson } from '../policy-json';
import { unionRegions } from '../regions';
import { sageMakerBoundaryActions } from './deny-sagemaker-inference-abroad';
import { exemptPrincipals } from './exemptions';
import { REQUESTED_REGION_KEY, regionRuleActions, ResidencyRules } from './residency-rules';

export const DENY_OUTSIDE_RESIDENCY_REGIONS_SID = 'DenyBedrockOutsideResidencyRegions';

/**
 * The hard boundary: no authorisation of any covered service (Bedrock, Mantle, AgentCore, web search) of any kind in a Region
 * outside the geography's home Regions and the allowed origin Regions. This
 * denies every leg served abroad whatever profile carried it, and every
 * `global.` leg, whose `aws:RequestedRegion` is the literal `unspecified`.
 *
 * Melbourne is inside the boundary by default although it is not an allowed
 * origin: `au.` calls from Sydney are served there, and blocking a destination
 * Region breaks cross-Region inference. The next statement keeps
 * Melbourne to profile legs only.
 *
 * SageMaker endpoint invocation (`sagemaker:InvokeEndpoint*`) joins the list
 * by default: Bedrock Marketplace models run on SageMaker endpoints and are
 * reached that way without a `bedrock:` action (see deny-sagemaker-inference-abroad.ts).
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html
 */
export function boundaryActions(rules: ResidencyRules): string | string[] {
  const covered = regionRuleActions(rules);
  const extra = sageMakerBoundaryActions(rules);
  return extra.length === 0 ? covered : [...(typeof covered === 'string' ? [covered] : covered), ...extra];
}

export function denyOutsideResidencyRegions(rules: ResidencyRules): StatementJson {
  return exemptPrincipals({
    Sid: DENY_OUTSIDE_RESIDENCY_REGIONS_SID,
    Effect: 'Deny',
    Action: boundaryActions(rules),
    Resource: '*',
    Condition: {
      StringNotEquals: {
        [REQUESTED_REGION_KEY]: unionRegions(rules.geography.homeRegions, rules.allowedOriginRegions),
      },
    },
  }, rules);
}
