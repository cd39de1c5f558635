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
 * The data events that carry model inference: async invocations, bidirectional
 * streams, agents (inline too), flows and knowledge-base generation. Data events
 * are billed per event, so the default stops there.
 */
export const DEFAULT_BEDROCK_DATA_RESOURCE_TYPES: readonly string[] = [
  'AWS::Bedrock::AsyncInvoke',
  'AWS::Bedrock::Model',
  'AWS::Bedrock::AgentAlias',
  'AWS::Bedrock::InlineAgent',
  'AWS::Bedrock::FlowAlias',
  'AWS::Bedrock::KnowledgeBase',
];

export function isBedrockDataResourceType(type: string): boolean {
  return BEDROCK_DATA_RESOURCE_TYPES.includes(type);
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
