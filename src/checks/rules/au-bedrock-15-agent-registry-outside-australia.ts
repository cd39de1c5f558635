import { describeRegionsAbroad } from '../../core/checks/grant-messages';
import { grantRule } from '../../core/checks/grant-rule';
import { AGENT_REGISTRY_DATA_ACTIONS } from '../../core/checks/service-actions';
import { serviceCoverage } from '../../core/checks/service-coverage';

/**
 * AuBedrock15: AWS Agent Registry is its own IAM service (`agent-registry:`)
 * since its general availability in August 2026. A grant of an action that
 * sends it data on `*` or on registries outside Australia lets records and
 * searches be handled abroad. (Semantic search and record embedding use
 * cross-Region inference even from Sydney; the posture's SCP denies those
 * actions everywhere by default.)
 *
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_agent-registry.html
 * @see https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/registry-cross-region-inference.html
 */
export const AU_BEDROCK_15 = grantRule({
  id: 'AuBedrock15',
  name: 'Agent Registry outside Australia',
  description: 'An IAM Allow grants an agent-registry action that sends data to AWS Agent Registry (every action in the Service Authorization Reference but plain Get and List reads: CreateRegistryRecord, UpdateRegistryRecord, SearchDiscoverableRegistryRecords, InvokeRegistryMcp..., or a wildcard covering one) on Resource "*", through NotResource, or on arn:aws:agent-registry:REGION:... where REGION is outside Australia or a wildcard.',
  fix: 'Name registries in Australia (arn:aws:agent-registry:ap-southeast-2:ACCOUNT:registry/ID), or add Condition StringEquals aws:RequestedRegion [ap-southeast-2, ap-southeast-4]. Semantic search and record embedding still use cross-Region inference from Sydney: AuBedrockPosture denies them by default.',
  actions: AGENT_REGISTRY_DATA_ACTIONS,
  coverage: (value, ctx) => serviceCoverage(value, ctx, 'agent-registry'),
  reason: (regions) => `Agent Registry in ${describeRegionsAbroad(regions.filter((r) => r !== ''))}`,
  notResourceReason: 'that includes registries in every Region',
  creditRegionPin: true,
});
