/**
 * CloudTrail `resources.type` values for Amazon Bedrock data events, as listed
 * in the CloudTrail User Guide's data-event table ("Logging data events",
 * docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html).
 *
 * InvokeModel, InvokeModelWithResponseStream, Converse and ConverseStream are
 * management events and need none of these. Everything below is invisible to a
 * trail (and to EventBridge) until a data-event selector names it.
 */
export const BEDROCK_DATA_RESOURCE_TYPES: readonly string[] = [
  'AWS::Bedrock::AgentAlias', // InvokeAgent
  'AWS::Bedrock::AsyncInvoke', // StartAsyncInvoke, GetAsyncInvoke
  'AWS::Bedrock::AutomatedReasoningPolicy',
  'AWS::Bedrock::AutomatedReasoningPolicyVersion',
  'AWS::Bedrock::Blueprint',
  'AWS::Bedrock::DataAutomationInvocation',
  'AWS::Bedrock::DataAutomationProfile',
  'AWS::Bedrock::DataAutomationProject',
  'AWS::Bedrock::FlowAlias', // InvokeFlow
  'AWS::Bedrock::FlowExecution',
  'AWS::Bedrock::Guardrail', // ApplyGuardrail
  'AWS::Bedrock::InlineAgent', // InvokeInlineAgent
  'AWS::Bedrock::KnowledgeBase', // Retrieve, RetrieveAndGenerate
  'AWS::Bedrock::Model', // InvokeModelWithBidirectionalStream; async invocations on a model
  'AWS::Bedrock::PromptVersion',
  'AWS::Bedrock::Session',
  'AWS::Bedrock::Tool',
];

/**
 * Data-event resource types of the services next to Bedrock whose calls carry
 * prompts and documents:
 * - `AWS::BedrockAgentCore::Gateway`: AgentCore Gateway invocations
 *   (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/enabling-cloudtrail-data-event-logging.html);
 * - `AWS::AWSExternalAnthropic::Workspace`: Claude Platform on AWS inference, batch,
 *   file and agent operations (https://docs.aws.amazon.com/claude-platform/latest/userguide/monitoring.html).
 * The data-event types of AgentCore Runtime and Memory are not listed here: their
 * names could not be confirmed in AWS documentation, and a selector naming an
 * unknown type is rejected by CloudTrail.
 */
export const RELATED_DATA_RESOURCE_TYPES: readonly string[] = [
  'AWS::BedrockAgentCore::Gateway',
  'AWS::AWSExternalAnthropic::Workspace',
];

/**
 * The data events that carry model inference: async invocations, bidirectional
 * streams, agents (inline too), flows, knowledge-base generation and Data
 * Automation invocations (through a data-automation profile), plus AgentCore
 * Gateway and Claude Platform on AWS. Data events are billed per event, so the
 * default stops there.
 */
export const DEFAULT_BEDROCK_DATA_RESOURCE_TYPES: readonly string[] = [
  'AWS::Bedrock::AsyncInvoke',
  'AWS::Bedrock::Model',
  'AWS::Bedrock::AgentAlias',
  'AWS::Bedrock::InlineAgent',
  'AWS::Bedrock::FlowAlias',
  'AWS::Bedrock::KnowledgeBase',
  'AWS::Bedrock::DataAutomationProfile',
  ...RELATED_DATA_RESOURCE_TYPES,
];

export function isBedrockDataResourceType(type: string): boolean {
  return BEDROCK_DATA_RESOURCE_TYPES.includes(type) || RELATED_DATA_RESOURCE_TYPES.includes(type);
}

/** One CloudTrail advanced event selector, in the CloudFormation property shape. */
export interface AdvancedEventSelectorJson {
  readonly name: string;
  readonly fieldSelectors: ReadonlyArray<{
    readonly field: string;
    readonly equalTo?: readonly string[];
    readonly notEqualTo?: readonly string[];
  }>;
}

/**
 * One selector per resource type: CloudTrail accepts a single `resources.type`
 * value per advanced event selector.
 */
export function bedrockDataEventSelectors(types: readonly string[]): AdvancedEventSelectorJson[] {
  return types.map((type) => ({
    name: `Bedrock data events: ${type}`,
    fieldSelectors: [
      { field: 'eventCategory', equalTo: ['Data'] },
      { field: 'resources.type', equalTo: [type] },
    ],
  }));
}
