import { CheckRule, RuleFinding } from '../../core/checks/findings';
import { grantRule } from '../../core/checks/grant-rule';
import { resolveString } from '../../core/checks/intrinsics';
import { judgeProfileReference } from '../../core/checks/profile-reference';
import { GUARDRAIL_PROFILE_ACTIONS } from '../../core/checks/service-actions';
import { profileCoverage } from '../../core/checks/service-coverage';
import { TemplateResource } from '../../core/checks/template';

const ID = 'AuBedrock9';
const TYPE = 'guardrail-profile';

const FIX = 'Use the au.guardrail.v1:0 guardrail profile (served in Sydney only), or no cross-Region configuration: a guardrail without one runs in its own Region.';

/** A guardrail's `CrossRegionConfig.GuardrailProfileArn`. */
function guardrailFindings(resource: TemplateResource, ctx: Parameters<CheckRule['check']>[1]): RuleFinding[] {
  if (resource.type !== 'AWS::Bedrock::Guardrail') return [];
  const config = resource.properties.CrossRegionConfig;
  if (typeof config !== 'object' || config === null) return [];
  const raw = (config as Record<string, unknown>).GuardrailProfileArn;
  const value = resolveString(raw, ctx);
  if (!value) return [];
  const problem = judgeProfileReference(value, TYPE);
  if (!problem) return [];
  return [{
    ruleId: ID,
    severity: problem.severity,
    location: 'Properties/CrossRegionConfig/GuardrailProfileArn',
    message: problem.severity === 'error'
      ? `CrossRegionConfig: ${problem.message} (from Sydney, apac.guardrail.v1:0 is served in Mumbai, Tokyo, Seoul, Osaka and Singapore too)`
      : problem.message,
  }];
}

const grants = grantRule({
  id: ID,
  name: 'Guardrail profiles outside Australia',
  description: '',
  fix: FIX,
  actions: GUARDRAIL_PROFILE_ACTIONS,
  coverage: (value, ctx) => profileCoverage(value, ctx, TYPE),
  reason: (prefixes) => `guardrail profiles ${prefixes.join(', ')} route guardrail checks of your prompts to Regions outside Australia`,
  notResourceReason: 'that includes apac. and other guardrail profiles whose destinations are outside Australia',
  // Whether a destination leg carries its own Region in aws:RequestedRegion is not documented: do not rely on the pin.
  creditRegionPin: false,
  deferToUnscopedInvocation: true,
});

/**
 * AuBedrock9: guardrail profiles other than `au.`: a guardrail whose
 * cross-Region configuration names one, and IAM Allows of ApplyGuardrail,
 * CreateGuardrail or UpdateGuardrail on one (by name or by a wildcard such as
 * `guardrail-profile/*` or `*`). From Sydney, `apac.guardrail.v1:0` is served in
 * Mumbai, Tokyo, Seoul, Osaka, Singapore and Sydney.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-cross-region-support.html
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/guardrail-profiles-permissions.html
 */
export const AU_BEDROCK_9: CheckRule = {
  id: ID,
  name: grants.name,
  description: 'An AWS::Bedrock::Guardrail whose CrossRegionConfig.GuardrailProfileArn is not an au. guardrail profile, or an IAM Allow of bedrock:ApplyGuardrail, CreateGuardrail or UpdateGuardrail on a guardrail profile other than au. (by name, guardrail-profile/*, "*" or NotResource). A Condition on aws:RequestedRegion is not credited here.',
  fix: FIX,
  check: (resource, ctx) => [...guardrailFindings(resource, ctx), ...grants.check(resource, ctx)],
};
