import { grantRule } from '../../core/checks/grant-rule';
import { CLAUDE_PLATFORM_DATA_ACTIONS } from '../../core/checks/service-actions';
import { serviceCoverage } from '../../core/checks/service-coverage';

/**
 * AuBedrock7: Claude Platform on AWS (`aws-external-anthropic:`) is operated by
 * Anthropic; AWS says data may not reside in AWS and inference may route to
 * Anthropic's own cloud, with only US or global inference geographies. No
 * Region or condition keeps it in Australia, so any grant of an action that
 * sends it data is an error, pinned to an Australian Region or not.
 *
 * @see https://docs.aws.amazon.com/claude-platform/latest/userguide/data-residency.html
 */
export const AU_BEDROCK_7 = grantRule({
  id: 'AuBedrock7',
  name: 'Claude Platform on AWS',
  description: 'An IAM Allow grants an aws-external-anthropic action that sends data to Claude Platform on AWS (every Write-level action in the Service Authorization Reference, such as CreateInference, CountTokens, CreateFile, or a wildcard covering one), on any resource in any Region: the service may process data outside AWS and outside Australia.',
  fix: 'Remove the grant and use Claude through Amazon Bedrock with an au. inference profile (SovereignBedrockInvoker). AuBedrockPosture denies aws-external-anthropic:* in every Region by default.',
  actions: CLAUDE_PLATFORM_DATA_ACTIONS,
  coverage: (value, ctx) => serviceCoverage(value, ctx, 'aws-external-anthropic', true),
  reason: () => 'Claude Platform on AWS may process prompts outside AWS and outside Australia, whatever Region it is called in',
  notResourceReason: 'that includes every Claude Platform workspace',
  creditRegionPin: false,
});
