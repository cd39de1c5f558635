import { ResidencyRules } from './residency-rules';

/** `sagemaker:InvokeEndpoint`, `InvokeEndpointAsync` and `InvokeEndpointWithResponseStream`. */
export const SAGEMAKER_INVOKE_ACTIONS = 'sagemaker:InvokeEndpoint*';

/**
 * Bedrock Marketplace models run on SageMaker endpoints in the caller's
 * account, and `sagemaker:InvokeEndpoint*` reaches them without any `bedrock:`
 * action, so the Bedrock Region statements never see the call.
 *
 * The mechanism is a Region deny of SageMaker invocation, not a tag condition:
 * Marketplace endpoints carry the tag `sagemaker-sdk:bedrock=compatible`, but
 * anyone allowed to tag an endpoint can remove it, and a deny keyed on a
 * mutable tag fails open. The price is breadth: every SageMaker real-time and
 * asynchronous endpoint outside the residency Regions is denied, Marketplace or
 * not. Organizations that host non-Bedrock models abroad on purpose turn it off
 * (`denySageMakerInferenceAbroad: false`, with a synth warning). Marketplace
 * models called through Bedrock in Sydney keep working: the Bedrock call and
 * the SageMaker invocation it makes are both in Sydney.
 *
 * The action joins the residency boundary statement (same Regions, same
 * condition) rather than a statement of its own, which would cost a statement's
 * worth of SCP characters for the same condition.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/bedrock-marketplace-end-to-end-workflow.html
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_sagemaker.html
 */
export function sageMakerBoundaryActions(rules: ResidencyRules): string[] {
  return rules.denySageMakerInferenceAbroad ? [SAGEMAKER_INVOKE_ACTIONS] : [];
}
