import { grantRule } from '../../core/checks/grant-rule';
import { NO_AUSTRALIAN_PROCESSING_DATA_ACTIONS, NO_AUSTRALIAN_PROCESSING_PREFIXES } from '../../core/checks/service-actions';
import { servicesCoverage } from '../../core/checks/service-coverage';

/**
 * AuBedrock16: services the AI surface table denies in every Region because
 * AWS documents no Australian processing for them, other than Claude Platform
 * on AWS (AuBedrock7): today Amazon Nova Act, whose acts are natural-language
 * tasks run by a model AWS hosts. Any grant of an action that sends them data
 * is an error, pinned to an Australian Region or not.
 *
 * @see https://docs.aws.amazon.com/nova-act/latest/userguide/what-is-nova-act.html
 */
export const AU_BEDROCK_16 = grantRule({
  id: 'AuBedrock16',
  name: 'Service with no Australian processing',
  description: `An IAM Allow grants a Write-level action of a service AWS documents no Australian Region for (${NO_AUSTRALIAN_PROCESSING_PREFIXES.join(', ')}; for nova-act: CreateAct, InvokeActStep, CreateWorkflowRun..., or a wildcard covering one), on any resource in any Region.`,
  fix: 'Remove the grant. AuBedrockPosture denies these services in every Region by default (allowNovaAct opens Amazon Nova Act, with a warning).',
  actions: NO_AUSTRALIAN_PROCESSING_DATA_ACTIONS,
  coverage: (value, ctx) => servicesCoverage(value, ctx, NO_AUSTRALIAN_PROCESSING_PREFIXES, true),
  reason: () => `AWS documents no Australian Region for ${NO_AUSTRALIAN_PROCESSING_PREFIXES.join(', ')}: tasks sent to it are processed outside Australia`,
  notResourceReason: 'that includes every resource of the service',
  creditRegionPin: false,
});
