import { describeRegionsAbroad } from '../../core/checks/grant-messages';
import { grantRule } from '../../core/checks/grant-rule';
import { WEB_SEARCH_ACTIONS } from '../../core/checks/service-actions';
import { serviceCoverage } from '../../core/checks/service-coverage';

/**
 * AuBedrock8: web search for Bedrock models (`bedrock-websearch:`) sends the
 * model's queries to a search service; its tools are served outside Australia.
 * A grant on `*` or on tools outside Australia lets queries built from prompts
 * leave the country.
 *
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
export const AU_BEDROCK_8 = grantRule({
  id: 'AuBedrock8',
  name: 'Bedrock web search outside Australia',
  description: 'An IAM Allow grants bedrock-websearch:InvokeSearch, InvokeFetch or ExternalWebAccess (or a wildcard covering one) on Resource "*", through NotResource, or on arn:aws:bedrock-websearch:REGION:... where REGION is outside Australia or a wildcard.',
  fix: 'Leave web search out of residency-bound workloads, or name tools in Australian Regions only. Detach AmazonBedrockWebSearch* and AmazonBedrockExternalWebSearch* managed policies.',
  actions: WEB_SEARCH_ACTIONS,
  coverage: (value, ctx) => serviceCoverage(value, ctx, 'bedrock-websearch'),
  reason: (regions) => `web search in ${describeRegionsAbroad(regions.filter((r) => r !== ''))}`,
  notResourceReason: 'that includes web search tools in every Region',
  creditRegionPin: true,
});
