import { describeRegionsAbroad } from '../../core/checks/grant-messages';
import { grantRule } from '../../core/checks/grant-rule';
import { AGENTCORE_DATA_ACTIONS } from '../../core/checks/service-actions';
import { serviceCoverage } from '../../core/checks/service-coverage';

/**
 * AuBedrock6: Amazon Bedrock AgentCore is its own IAM service
 * (`bedrock-agentcore:`). A grant of an action that sends it data (invoking an
 * agent runtime or gateway, writing memory events, running evaluations...) on
 * `*` or on AgentCore resources outside Australia lets prompts be processed abroad.
 *
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
export const AU_BEDROCK_6 = grantRule({
  id: 'AuBedrock6',
  name: 'AgentCore outside Australia',
  description: 'An IAM Allow grants a bedrock-agentcore action that sends data to AgentCore (every action in the Service Authorization Reference but plain Get and List reads, so Invoke, Create, Retrieve, Search and Connect actions included, or a wildcard covering one) on Resource "*", through NotResource, or on arn:aws:bedrock-agentcore:REGION:... where REGION is outside Australia or a wildcard.',
  fix: 'Name AgentCore resources in Australia (arn:aws:bedrock-agentcore:ap-southeast-2:ACCOUNT:runtime/ID), or add Condition StringEquals aws:RequestedRegion [ap-southeast-2, ap-southeast-4].',
  actions: AGENTCORE_DATA_ACTIONS,
  coverage: (value, ctx) => serviceCoverage(value, ctx, 'bedrock-agentcore'),
  reason: (regions) => `AgentCore in ${describeRegionsAbroad(regions.filter((r) => r !== ''))}`,
  notResourceReason: 'that includes AgentCore resources in every Region',
  creditRegionPin: true,
});
