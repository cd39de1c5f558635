/**
 * The AI surface, classified once: every IAM service prefix of the Service
 * Authorization Reference's "Machine Learning (ML) and Artificial Intelligence
 * (AI)" category, and every other prefix of the Amazon Bedrock family, with
 * what the posture does about it, why, and where AWS says so.
 *
 * The Region statements, the service-wide denies, the audit's derived probes,
 * the shift-left rules' action lists and the detections' event sources all read
 * this table. A test fails when the installed Service Authorization Reference
 * data lists a prefix in that category that the table does not classify, so a
 * new AWS service is a decision, not a silent gap.
 *
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */

/**
 * - `REGION_GOVERNED`: calls are served in the Region they are made in (or,
 *   through an `au.` profile, in Sydney or Melbourne); the Region statements
 *   keep them in Australia.
 * - `DENIED_EVERYWHERE`: AWS documents no Australian processing; every action
 *   is denied in every Region unless the user opts out.
 * - `OUT_OF_SCOPE`: not a path to Amazon Bedrock models; governed by the
 *   organization's general Region controls, not by this posture. Some are
 *   partly governed (see `partial`).
 */
export type SurfaceTreatment = 'REGION_GOVERNED' | 'DENIED_EVERYWHERE' | 'OUT_OF_SCOPE';

export interface SurfaceEntry {
  /** IAM service prefix, e.g. `bedrock-agentcore`. */
  readonly prefix: string;
  /** The service's name in the Service Authorization Reference. */
  readonly name: string;
  readonly treatment: SurfaceTreatment;
  /** Why, in one sentence a compliance reviewer can check. */
  readonly reason: string;
  /** The AWS page the reason rests on. */
  readonly source: string;
  /**
   * CloudTrail `eventSource` (or its prefix, ending in `*`) the detections
   * match, when the service is region-governed or denied everywhere. Exact
   * sources are documented by AWS (Bedrock, Mantle); the others are matched by
   * their IAM prefix because their user guides do not spell the host out
   * (unverified: a service logging under another name would not match).
   */
  readonly eventSource?: string;
  /** For an out-of-scope prefix that the posture still governs in part: what, and how. */
  readonly partial?: string;
  /**
   * For a partly governed prefix: the action pattern (`InvokeEndpoint*`) the
   * posture denies outside the residency Regions, which the audit then judges.
   */
  readonly partialActions?: string;
}

const SAR = (service: string) => `https://docs.aws.amazon.com/service-authorization/latest/reference/list_${service}.html`;

/** Reason shared by services that do not reach Bedrock models on a customer's behalf. */
const NOT_BEDROCK = 'Not a path to Amazon Bedrock models; the organization\'s general Region controls (for example the Control Tower Region deny) decide where it runs.';

export const AI_SURFACE = [
  // ---- governed by the Region statements
  {
    prefix: 'bedrock',
    name: 'Amazon Bedrock',
    treatment: 'REGION_GOVERNED',
    reason: 'Models, agents, knowledge bases, flows, guardrails, batch and Data Automation are served in the calling Region or, through an inference profile, in its destination Regions.',
    source: 'https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html',
    eventSource: 'bedrock.amazonaws.com',
  },
  {
    prefix: 'bedrock-mantle',
    name: 'Amazon Bedrock Powered by AWS Mantle',
    treatment: 'REGION_GOVERNED',
    reason: 'The OpenAI- and Anthropic-compatible endpoints are a separate IAM service; a call is served in the Region it is made in.',
    source: 'https://docs.aws.amazon.com/bedrock/latest/userguide/logging-cloudtrail-mantle.html',
    eventSource: 'bedrock-mantle.amazonaws.com',
  },
  {
    prefix: 'bedrock-agentcore',
    name: 'Amazon Bedrock AgentCore',
    treatment: 'REGION_GOVERNED',
    reason: 'Runtime, Memory, Gateway, Evaluations, Policy and the preview Registry run in the Region they are called in; their service-side cross-Region inference is denied at the action that turns it on.',
    source: 'https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/cross-region-inference.html',
    eventSource: 'bedrock-agentcore*',
  },
  {
    prefix: 'bedrock-websearch',
    name: 'Amazon Bedrock Web Search',
    treatment: 'REGION_GOVERNED',
    reason: 'Web search and fetch for models are authorised in the Region they are called in and offered in US Regions; the Region statements deny every call outside Australia.',
    source: SAR('bedrock-websearch'),
    eventSource: 'bedrock-websearch*',
  },
  {
    prefix: 'agent-registry',
    name: 'AWS Agent Registry',
    treatment: 'REGION_GOVERNED',
    reason: 'Generally available under its own prefix since August 2026; registries live in the Region they are created in, but semantic search and record embedding may be processed in any commercial Region, so those actions are also denied service-side.',
    source: 'https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/registry-cross-region-inference.html',
    eventSource: 'agent-registry*',
  },
  // ---- denied in every Region
  {
    prefix: 'aws-external-anthropic',
    name: 'Claude Platform on AWS',
    treatment: 'DENIED_EVERYWHERE',
    reason: 'AWS says data may not reside in AWS and inference may route to Anthropic\'s own cloud, in the US or globally.',
    source: 'https://docs.aws.amazon.com/claude-platform/latest/userguide/data-residency.html',
    eventSource: 'aws-external-anthropic*',
  },
  {
    prefix: 'nova-act',
    name: 'Amazon Nova Act',
    treatment: 'DENIED_EVERYWHERE',
    reason: 'Acts are natural-language tasks run by a model AWS hosts; AWS documents no Australian Region for the service, so it fails closed until one is documented.',
    source: 'https://docs.aws.amazon.com/nova-act/latest/userguide/what-is-nova-act.html',
    eventSource: 'nova-act*',
  },
  // ---- out of scope, partly governed
  {
    prefix: 'sagemaker',
    name: 'Amazon SageMaker',
    treatment: 'OUT_OF_SCOPE',
    reason: 'A general machine-learning platform; the posture does not govern where SageMaker trains or hosts.',
    source: 'https://docs.aws.amazon.com/bedrock/latest/userguide/bedrock-marketplace-end-to-end-workflow.html',
    partial: 'Bedrock Marketplace models run on SageMaker endpoints and can be invoked with sagemaker:InvokeEndpoint*, without any bedrock: action: those actions are denied outside the residency Regions (denySageMakerInferenceAbroad).',
    partialActions: 'InvokeEndpoint*',
  },
  // ---- out of scope
  { prefix: 'aidevops', name: 'AWS DevOps Agent Service', treatment: 'OUT_OF_SCOPE', reason: `An operations agent AWS runs on its own models. ${NOT_BEDROCK}`, source: SAR('aidevops') },
  { prefix: 'aiops', name: 'Amazon AI Operations', treatment: 'OUT_OF_SCOPE', reason: `CloudWatch investigations, run by AWS. ${NOT_BEDROCK}`, source: SAR('aiops') },
  { prefix: 'cleanrooms-ml', name: 'AWS Clean Rooms ML', treatment: 'OUT_OF_SCOPE', reason: NOT_BEDROCK, source: SAR('cleanrooms-ml') },
  { prefix: 'codeguru', name: 'Amazon CodeGuru', treatment: 'OUT_OF_SCOPE', reason: NOT_BEDROCK, source: SAR('codeguru') },
  {
    prefix: 'codewhisperer',
    name: 'Amazon CodeWhisperer',
    treatment: 'OUT_OF_SCOPE',
    reason: `Amazon Q Developer's older prefix; Q Developer has its own cross-Region processing, documented by its guide. ${NOT_BEDROCK}`,
    source: 'https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/cross-region-inference.html',
  },
  { prefix: 'comprehend', name: 'Amazon Comprehend', treatment: 'OUT_OF_SCOPE', reason: NOT_BEDROCK, source: SAR('comprehend') },
  { prefix: 'comprehendmedical', name: 'Amazon Comprehend Medical', treatment: 'OUT_OF_SCOPE', reason: NOT_BEDROCK, source: SAR('comprehendmedical') },
  { prefix: 'devops-guru', name: 'Amazon DevOps Guru', treatment: 'OUT_OF_SCOPE', reason: NOT_BEDROCK, source: SAR('devops-guru') },
  { prefix: 'forecast', name: 'Amazon Forecast', treatment: 'OUT_OF_SCOPE', reason: NOT_BEDROCK, source: SAR('forecast') },
  { prefix: 'frauddetector', name: 'Amazon Fraud Detector', treatment: 'OUT_OF_SCOPE', reason: NOT_BEDROCK, source: SAR('frauddetector') },
  { prefix: 'groundtruthlabeling', name: 'Amazon GroundTruth Labeling', treatment: 'OUT_OF_SCOPE', reason: NOT_BEDROCK, source: SAR('groundtruthlabeling') },
  { prefix: 'healthlake', name: 'AWS HealthLake', treatment: 'OUT_OF_SCOPE', reason: NOT_BEDROCK, source: SAR('healthlake') },
  { prefix: 'kendra', name: 'Amazon Kendra', treatment: 'OUT_OF_SCOPE', reason: NOT_BEDROCK, source: SAR('kendra') },
  { prefix: 'kendra-ranking', name: 'Amazon Kendra Intelligent Ranking', treatment: 'OUT_OF_SCOPE', reason: NOT_BEDROCK, source: SAR('kendra-ranking') },
  { prefix: 'lex', name: 'Amazon Lex V2', treatment: 'OUT_OF_SCOPE', reason: `Lex generative features call Bedrock models through bedrock: actions, which the posture governs. ${NOT_BEDROCK}`, source: SAR('lex') },
  { prefix: 'lookoutequipment', name: 'Amazon Lookout for Equipment', treatment: 'OUT_OF_SCOPE', reason: NOT_BEDROCK, source: SAR('lookoutequipment') },
  { prefix: 'lookoutmetrics', name: 'Amazon Lookout for Metrics', treatment: 'OUT_OF_SCOPE', reason: NOT_BEDROCK, source: SAR('lookoutmetrics') },
  { prefix: 'lookoutvision', name: 'Amazon Lookout for Vision', treatment: 'OUT_OF_SCOPE', reason: NOT_BEDROCK, source: SAR('lookoutvision') },
  { prefix: 'machinelearning', name: 'Amazon Machine Learning', treatment: 'OUT_OF_SCOPE', reason: NOT_BEDROCK, source: SAR('machinelearning') },
  { prefix: 'medical-imaging', name: 'AWS HealthImaging', treatment: 'OUT_OF_SCOPE', reason: NOT_BEDROCK, source: SAR('medical-imaging') },
  { prefix: 'monitron', name: 'Amazon Monitron', treatment: 'OUT_OF_SCOPE', reason: NOT_BEDROCK, source: SAR('monitron') },
  { prefix: 'omics', name: 'AWS HealthOmics', treatment: 'OUT_OF_SCOPE', reason: NOT_BEDROCK, source: SAR('omics') },
  { prefix: 'panorama', name: 'AWS Panorama', treatment: 'OUT_OF_SCOPE', reason: NOT_BEDROCK, source: SAR('panorama') },
  { prefix: 'personalize', name: 'Amazon Personalize', treatment: 'OUT_OF_SCOPE', reason: NOT_BEDROCK, source: SAR('personalize') },
  { prefix: 'polly', name: 'Amazon Polly', treatment: 'OUT_OF_SCOPE', reason: NOT_BEDROCK, source: SAR('polly') },
  {
    prefix: 'q',
    name: 'Amazon Q',
    treatment: 'OUT_OF_SCOPE',
    reason: `Amazon Q Developer processes prompts with cross-Region inference it documents itself. ${NOT_BEDROCK}`,
    source: 'https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/cross-region-inference.html',
  },
  { prefix: 'qapps', name: 'Amazon Q Business Q Apps', treatment: 'OUT_OF_SCOPE', reason: `Runs inside Amazon Q Business. ${NOT_BEDROCK}`, source: SAR('qapps') },
  {
    prefix: 'qbusiness',
    name: 'Amazon Q Business',
    treatment: 'OUT_OF_SCOPE',
    reason: `A managed assistant with its own Regions and cross-Region processing. ${NOT_BEDROCK}`,
    source: 'https://docs.aws.amazon.com/amazonq/latest/qbusiness-ug/cross-region-inference.html',
  },
  { prefix: 'rekognition', name: 'Amazon Rekognition', treatment: 'OUT_OF_SCOPE', reason: NOT_BEDROCK, source: SAR('rekognition') },
  { prefix: 'researchstudio', name: 'Amazon Bio Discovery', treatment: 'OUT_OF_SCOPE', reason: NOT_BEDROCK, source: SAR('researchstudio') },
  { prefix: 'sagemaker-data-science-assistant', name: 'Amazon SageMaker data science assistant', treatment: 'OUT_OF_SCOPE', reason: `An assistant in SageMaker Unified Studio. ${NOT_BEDROCK}`, source: SAR('sagemaker-data-science-assistant') },
  { prefix: 'sagemaker-geospatial', name: 'Amazon SageMaker geospatial capabilities', treatment: 'OUT_OF_SCOPE', reason: NOT_BEDROCK, source: SAR('sagemaker-geospatial') },
  { prefix: 'sagemaker-mlflow', name: 'Amazon SageMaker with MLflow', treatment: 'OUT_OF_SCOPE', reason: NOT_BEDROCK, source: SAR('sagemaker-mlflow') },
  { prefix: 'sagemaker-unified-studio-mcp', name: 'Amazon SageMaker Unified Studio MCP', treatment: 'OUT_OF_SCOPE', reason: NOT_BEDROCK, source: SAR('sagemaker-unified-studio-mcp') },
  { prefix: 'textract', name: 'Amazon Textract', treatment: 'OUT_OF_SCOPE', reason: NOT_BEDROCK, source: SAR('textract') },
  { prefix: 'tiros', name: 'AWS Tiros', treatment: 'OUT_OF_SCOPE', reason: NOT_BEDROCK, source: SAR('tiros') },
  { prefix: 'transcribe', name: 'Amazon Transcribe', treatment: 'OUT_OF_SCOPE', reason: NOT_BEDROCK, source: SAR('transcribe') },
  { prefix: 'translate', name: 'Amazon Translate', treatment: 'OUT_OF_SCOPE', reason: NOT_BEDROCK, source: SAR('translate') },
] as const satisfies readonly SurfaceEntry[];

type Entry = typeof AI_SURFACE[number];

/** A prefix the Region statements govern. */
export type RegionGovernedPrefix = Extract<Entry, { treatment: 'REGION_GOVERNED' }>['prefix'];
/** A prefix denied in every Region. */
export type DeniedEverywherePrefix = Extract<Entry, { treatment: 'DENIED_EVERYWHERE' }>['prefix'];

function withTreatment<T extends string>(treatment: SurfaceTreatment): readonly T[] {
  return AI_SURFACE.filter((e) => e.treatment === treatment).map((e) => e.prefix as T);
}

export const REGION_GOVERNED_PREFIXES: readonly RegionGovernedPrefix[] = withTreatment<RegionGovernedPrefix>('REGION_GOVERNED');
export const DENIED_EVERYWHERE_PREFIXES: readonly DeniedEverywherePrefix[] = withTreatment<DeniedEverywherePrefix>('DENIED_EVERYWHERE');

/** Out-of-scope prefixes the posture governs in part, with the action pattern it denies abroad. */
export const PARTLY_GOVERNED: readonly { readonly prefix: string; readonly actions: string }[] = (AI_SURFACE as readonly SurfaceEntry[])
  .filter((e) => e.partialActions !== undefined)
  .map((e) => ({ prefix: e.prefix, actions: e.partialActions! }));

/** The entry of a prefix, or undefined when the table does not classify it. */
export function surfaceEntry(prefix: string): SurfaceEntry | undefined {
  return (AI_SURFACE as readonly SurfaceEntry[]).find((e) => e.prefix === prefix);
}

/**
 * The prefixes of a category (as the Service Authorization Reference data lists
 * them) that the table does not classify. Empty when the table is complete.
 */
export function unclassifiedPrefixes(categoryPrefixes: readonly string[]): string[] {
  return categoryPrefixes.filter((p) => surfaceEntry(p) === undefined).sort();
}

/** The CloudTrail event source of a governed or denied prefix (a trailing `*` means "starts with"). */
export function eventSourceOf(prefix: RegionGovernedPrefix | DeniedEverywherePrefix): string {
  const source = surfaceEntry(prefix)?.eventSource;
  if (!source) throw new Error(`the AI surface table has no event source for ${prefix}`);
  return source;
}
