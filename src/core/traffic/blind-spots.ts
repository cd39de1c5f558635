import { TrafficBlindSpot, TrafficKey } from './traffic-types';

/**
 * What a trail does not show unless it was set up to: CloudTrail logs these
 * calls as data events, recorded only when the trail has a data-event selector
 * for them (the library's `BedrockDataEvents` adds them). When none appears in
 * the evidence the replay cannot tell "none happened" from "none was logged",
 * so it names the surface.
 *
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/logging-using-cloudtrail.html
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/logging-cloudtrail-mantle.html
 */
interface DataEventSurface {
  readonly surface: string;
  /** Data-event resource type a selector must name. */
  readonly resourceType: string;
  readonly seen: (key: TrafficKey) => boolean;
}

const bedrock = (names: readonly string[]) => (k: TrafficKey) => k.eventSource === 'bedrock.amazonaws.com' && names.includes(k.eventName);

const DATA_EVENT_SURFACES: readonly DataEventSurface[] = [
  {
    surface: 'Amazon Bedrock powered by AWS Mantle: inference (OpenAI- and Anthropic-compatible endpoints)',
    resourceType: 'the Mantle data events (logging-cloudtrail-mantle.html)',
    seen: (k) => k.eventSource.startsWith('bedrock-mantle.') && k.modelId !== null,
  },
  { surface: 'Bedrock agents (InvokeAgent, InvokeInlineAgent)', resourceType: 'AWS::Bedrock::AgentAlias / AWS::Bedrock::InlineAgent', seen: bedrock(['InvokeAgent', 'InvokeInlineAgent']) },
  {
    surface: 'Bedrock knowledge bases (Retrieve, RetrieveAndGenerate)',
    resourceType: 'AWS::Bedrock::KnowledgeBase',
    seen: bedrock(['Retrieve', 'RetrieveAndGenerate', 'RetrieveAndGenerateStream']),
  },
  { surface: 'Bedrock flows (InvokeFlow)', resourceType: 'AWS::Bedrock::FlowAlias', seen: bedrock(['InvokeFlow']) },
  { surface: 'Bedrock asynchronous invocation (StartAsyncInvoke)', resourceType: 'AWS::Bedrock::AsyncInvoke', seen: bedrock(['StartAsyncInvoke']) },
  { surface: 'Bedrock bidirectional streams (InvokeModelWithBidirectionalStream)', resourceType: 'AWS::Bedrock::Model', seen: bedrock(['InvokeModelWithBidirectionalStream']) },
  {
    surface: 'Bedrock Data Automation invocations',
    resourceType: 'AWS::Bedrock::DataAutomationProfile',
    seen: bedrock(['InvokeDataAutomation', 'InvokeDataAutomationAsync']),
  },
  {
    surface: 'Amazon Bedrock AgentCore invocations (Runtime, Gateway)',
    resourceType: 'AWS::BedrockAgentCore::Gateway and the AgentCore Runtime data events',
    seen: (k) => k.eventSource.startsWith('bedrock-agentcore') && k.eventName.startsWith('Invoke'),
  },
  {
    surface: 'Claude Platform on AWS inference',
    resourceType: 'AWS::AWSExternalAnthropic::Workspace',
    seen: (k) => k.eventSource.startsWith('aws-external-anthropic') && k.eventName === 'CreateInference',
  },
];

const MANAGEMENT = 'The management account';

/** Limits no trail lifts: named in every report. */
const ALWAYS: readonly TrafficBlindSpot[] = [
  {
    surface: 'Service-side cross-Region inference (AgentCore Memory strategies, built-in evaluators, Agent Registry search, structured knowledge-base queries)',
    reason: 'AWS runs this inference in its own accounts: no leg reaches the caller\'s account and the event carries no inferenceRegion. '
      + 'The posture denies the actions that turn these features on; the trail cannot show where their prompts were processed.',
  },
  {
    surface: MANAGEMENT,
    reason: 'Service control policies never apply to the organization\'s management account: its calls are judged here as if they did, '
      + 'but attaching the posture will not stop them (name it with --management-account to have its calls reported as they are).',
  },
];

export function blindSpots(seen: Iterable<TrafficKey>, managementAccountId?: string): TrafficBlindSpot[] {
  const keys = [...seen];
  const missing = DATA_EVENT_SURFACES.filter((s) => !keys.some(s.seen)).map((s) => ({
    surface: s.surface,
    reason: `No such event in the evidence. These are CloudTrail data events, logged only by a trail with a data-event selector for ${s.resourceType}: `
      + 'the replay cannot tell whether none happened or none was logged.',
  }));
  const always = ALWAYS.map((b) => (b.surface === MANAGEMENT && managementAccountId
    ? { surface: b.surface, reason: `Service control policies never apply to the organization's management account (${managementAccountId}): its calls are reported ALLOWED, whatever the posture says, and attaching the posture will not stop them.` }
    : b));
  return [...missing, ...always];
}
