import { StatementJson } from '../policy-json';
import { exemptPrincipals } from './exemptions';
import { ResidencyRules } from './residency-rules';
import { DATA_RETENTION_ACTIONS_BEDROCK, DATA_RETENTION_ACTIONS_MANTLE } from './service-authorization.generated';

/**
 * Service-side cross-Region inference runs in an AWS-managed account: there is
 * no leg in the customer's account for a Region rule to deny, and CloudTrail
 * does not say where the inference ran. The strongest control an SCP has is to
 * deny the action or the configuration that turns each feature on. Each
 * statement below says why its feature is denied and what to use instead.
 *
 * @see https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/cross-region-inference.html
 */

export const DENY_DATA_SHARING_SID = 'DenyDataSharingWithModelProviders';
export const DENY_MANTLE_DATA_SHARING_SID = 'DenyMantleDataSharingWithModelProviders';
export const DENY_SERVICE_SIDE_INFERENCE_SID = 'DenyServiceSideCrossRegionInference';
export const DENY_BUILT_IN_EVALUATORS_SID = 'DenyBuiltInEvaluators';
export const DENY_AGENTCORE_MEMORY_CHANGES_SID = 'DenyAgentCoreMemoryChanges';

/**
 * Data retention modes that keep prompts with AWS: `default` (the model's own
 * policy; AWS may keep data for abuse detection, the provider gets none),
 * `none` (zero retention) and `inherit` (defer to the broader scope, which this
 * statement also governs). Any other mode is denied, `provider_data_share`
 * (prompts shared with the model provider) and any mode AWS adds later alike.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/data-retention.html
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_PutAccountDataRetention.html
 */
export const RETAINED_WITH_AWS_MODES = ['default', 'inherit', 'none'];

/**
 * `Null: false` keeps project creation without a mode working; the allow-list
 * makes the deny fail closed on modes not yet invented.
 */
function dataSharingStatement(sid: string, actions: readonly string[], key: string, rules: ResidencyRules): StatementJson {
  return exemptPrincipals({
    Sid: sid,
    Effect: 'Deny',
    Action: [...actions],
    Resource: '*',
    Condition: {
      Null: { [key]: 'false' },
      StringNotEquals: { [key]: RETAINED_WITH_AWS_MODES },
    },
  }, rules);
}

/**
 * AWS Agent Registry actions whose content goes to the embedding model:
 * creating and updating a record (the record is embedded), searching, and
 * searching through the registry's MCP endpoint. Each is checked against the
 * Service Authorization Reference data by a test.
 *
 * @see https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/registry-cross-region-inference.html
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_agent-registry.html
 */
export const AGENT_REGISTRY_INFERENCE_ACTIONS = [
  'agent-registry:CreateRegistryRecord',
  'agent-registry:InvokeRegistryMcp',
  'agent-registry:SearchDiscoverableRegistryRecords',
  'agent-registry:UpdateRegistryRecord',
];

/**
 * Actions that turn on service-side inference whose routing from Sydney is
 * worldwide or undocumented, each with its replacement:
 *
 * - `bedrock:GenerateQuery`: used only by Knowledge Bases over structured data
 *   stores, which since 10 May 2026 use cross-Region inference "within your
 *   geography"; which geography a Sydney call uses is not documented.
 *   (kb-structured-cris.html)
 * - AWS Agent Registry: its semantic search and record embedding, from Sydney,
 *   may be processed in any commercial Region. (registry-cross-region-inference.html)
 *   The generally available service (`agent-registry:`): searching (directly or
 *   through the registry's MCP endpoint) and creating or updating a record,
 *   which is embedded. Reading, listing and approving records, and managing
 *   registries, stay open in Sydney. The preview actions
 *   (`bedrock-agentcore:*Registry*`) stay denied whole, as they were.
 * - `bedrock-agentcore:StartPolicyGeneration`: AI-powered policy generation in
 *   AgentCore Policy uses cross-Region inference; author policies by hand instead.
 *   (cross-region-inference.html)
 */
export function serviceSideActions(rules: ResidencyRules): string[] {
  const s = rules.serviceSide;
  return [
    ...(s.denyStructuredDataQueries ? ['bedrock:GenerateQuery'] : []),
    ...(s.denyAgentRegistry ? ['bedrock-agentcore:*Registry*', ...AGENT_REGISTRY_INFERENCE_ACTIONS] : []),
    ...(s.denyAgentCorePolicyGeneration ? ['bedrock-agentcore:StartPolicyGeneration'] : []),
  ];
}

/**
 * AgentCore Evaluations' built-in evaluators run on models AWS picks, with
 * cross-Region inference AWS routes. Their ARNs have no Region or account
 * (`arn:aws:bedrock-agentcore:::evaluator/Builtin.Helpfulness`); custom
 * evaluators live in the caller's account and use the caller's own model calls,
 * which the rest of the posture governs.
 *
 * @see https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/evaluations-cross-region-inference.html
 */
export const BUILT_IN_EVALUATOR_PATTERNS = [
  'arn:aws:bedrock-agentcore:*:*:evaluator/Builtin.*',
  'arn:aws:bedrock-agentcore:::evaluator/*',
];

/**
 * AgentCore Memory's built-in strategies extract and consolidate memories with
 * cross-Region inference; "built-in with overrides" strategies use a model the
 * customer chooses. No condition key tells them apart, so this opt-in
 * statement denies creating or changing memories, and starting extraction
 * jobs, to everyone but the exempt principals (a reviewed pipeline).
 *
 * @see https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/memory-strategies.html
 */
export const AGENTCORE_MEMORY_CHANGE_ACTIONS = [
  'bedrock-agentcore:CreateMemory',
  'bedrock-agentcore:StartMemoryExtractionJob',
  'bedrock-agentcore:UpdateMemory',
];

export function serviceSideStatements(rules: ResidencyRules): StatementJson[] {
  const s = rules.serviceSide;
  const statements: StatementJson[] = [];
  if (s.denyDataSharingWithModelProviders) {
    statements.push(dataSharingStatement(DENY_DATA_SHARING_SID, DATA_RETENTION_ACTIONS_BEDROCK, 'bedrock:DataRetentionMode', rules));
    statements.push(dataSharingStatement(DENY_MANTLE_DATA_SHARING_SID, DATA_RETENTION_ACTIONS_MANTLE, 'bedrock-mantle:DataRetentionMode', rules));
  }
  const actions = serviceSideActions(rules);
  if (actions.length > 0) {
    statements.push(exemptPrincipals({
      Sid: DENY_SERVICE_SIDE_INFERENCE_SID, Effect: 'Deny', Action: actions, Resource: '*',
    }, rules));
  }
  if (s.denyBuiltInEvaluators) {
    statements.push(exemptPrincipals({
      Sid: DENY_BUILT_IN_EVALUATORS_SID, Effect: 'Deny', Action: 'bedrock-agentcore:Evaluate', Resource: BUILT_IN_EVALUATOR_PATTERNS,
    }, rules));
  }
  if (s.denyAgentCoreMemoryChanges) {
    statements.push(exemptPrincipals({
      Sid: DENY_AGENTCORE_MEMORY_CHANGES_SID, Effect: 'Deny', Action: AGENTCORE_MEMORY_CHANGE_ACTIONS, Resource: '*',
    }, rules));
  }
  return statements;
}
