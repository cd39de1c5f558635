/**
 * The CloudWatch metrics Amazon Bedrock publishes, as AWS documents them: the
 * dashboard draws only from this list, and its tests check every metric of a
 * synthesized dashboard against it.
 *
 * `AWS/Bedrock` is published by the `bedrock-runtime` endpoint (Converse,
 * ConverseStream, InvokeModel, InvokeModelWithResponseStream); every runtime
 * metric has the `ModelId` dimension, and `OutputImageCount` also
 * `ModelId + ImageSize + BucketedStepSize`. The model invocation logging
 * delivery metrics are published "across all model IDs", that is, with no dimension.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/monitoring-runtime-metrics.html
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/monitoring.html
 *
 * `AWS/BedrockMantle` is published by the `bedrock-mantle` endpoint (Responses,
 * Chat Completions, Anthropic Messages) at four levels, each emitted on its own:
 * account (no dimension), `Project`, `Model`, and `Project + Model`; the token
 * totals at the first three. Mantle is in-Region only: its metrics are in the
 * Region that served the call.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/monitoring-mantle-metrics.html
 */

export const BEDROCK_NAMESPACE = 'AWS/Bedrock';
export const BEDROCK_MANTLE_NAMESPACE = 'AWS/BedrockMantle';
export const BEDROCK_RUNTIME_METRICS_URL = 'https://docs.aws.amazon.com/bedrock/latest/userguide/monitoring-runtime-metrics.html';
export const BEDROCK_MANTLE_METRICS_URL = 'https://docs.aws.amazon.com/bedrock/latest/userguide/monitoring-mantle-metrics.html';

/** One documented metric: its unit and every dimension set AWS says it is published with (`[]` = no dimension). */
export interface DocumentedMetric {
  readonly unit: string;
  readonly dimensionSets: readonly (readonly string[])[];
}

const BY_MODEL = [['ModelId']] as const;
const NO_DIMENSION = [[]] as const;

/**
 * `AWS/Bedrock`, from the runtime metrics table and the invocation logging delivery list. (Versions of
 * the page differ on the unit of the counts, SampleCount or Count; the dashboard sums them either way.)
 */
export const BEDROCK_RUNTIME_METRICS: Readonly<Record<string, DocumentedMetric>> = {
  Invocations: { unit: 'SampleCount', dimensionSets: BY_MODEL },
  InvocationLatency: { unit: 'MilliSeconds', dimensionSets: BY_MODEL },
  InvocationClientErrors: { unit: 'SampleCount', dimensionSets: BY_MODEL },
  InvocationServerErrors: { unit: 'SampleCount', dimensionSets: BY_MODEL },
  InvocationThrottles: { unit: 'SampleCount', dimensionSets: BY_MODEL },
  InputTokenCount: { unit: 'SampleCount', dimensionSets: BY_MODEL },
  OutputTokenCount: { unit: 'SampleCount', dimensionSets: BY_MODEL },
  LegacyModelInvocations: { unit: 'SampleCount', dimensionSets: BY_MODEL },
  OutputImageCount: { unit: 'SampleCount', dimensionSets: [['ModelId'], ['ModelId', 'ImageSize', 'BucketedStepSize']] },
  TimeToFirstToken: { unit: 'MilliSeconds', dimensionSets: BY_MODEL },
  EstimatedTPMQuotaUsage: { unit: 'SampleCount', dimensionSets: BY_MODEL },
  CacheReadInputTokens: { unit: 'SampleCount', dimensionSets: BY_MODEL },
  CacheWriteInputTokens: { unit: 'SampleCount', dimensionSets: BY_MODEL },
  ModelInvocationLogsCloudWatchDeliverySuccess: { unit: 'Count', dimensionSets: NO_DIMENSION },
  ModelInvocationLogsCloudWatchDeliveryFailure: { unit: 'Count', dimensionSets: NO_DIMENSION },
  ModelInvocationLogsS3DeliverySuccess: { unit: 'Count', dimensionSets: NO_DIMENSION },
  ModelInvocationLogsS3DeliveryFailure: { unit: 'Count', dimensionSets: NO_DIMENSION },
  ModelInvocationLargeDataS3DeliverySuccess: { unit: 'Count', dimensionSets: NO_DIMENSION },
  ModelInvocationLargeDataS3DeliveryFailure: { unit: 'Count', dimensionSets: NO_DIMENSION },
};

const MANTLE_ALL_LEVELS = [[], ['Project'], ['Model'], ['Project', 'Model']] as const;
const MANTLE_TOKEN_LEVELS = [[], ['Project'], ['Model']] as const;

/** `AWS/BedrockMantle`, from the inference and token metrics tables and the dimensions table. */
export const BEDROCK_MANTLE_METRICS: Readonly<Record<string, DocumentedMetric>> = {
  Inferences: { unit: 'Count', dimensionSets: MANTLE_ALL_LEVELS },
  InferenceClientErrors: { unit: 'Count', dimensionSets: MANTLE_ALL_LEVELS },
  TotalInputTokens: { unit: 'Count', dimensionSets: MANTLE_TOKEN_LEVELS },
  TotalOutputTokens: { unit: 'Count', dimensionSets: MANTLE_TOKEN_LEVELS },
};

/** The model dimension of `AWS/BedrockMantle` (`anthropic.claude-opus-4-7`, for example). */
export const MANTLE_MODEL_DIMENSION = 'Model';

/** The dimension every `AWS/Bedrock` runtime metric carries. */
export const MODEL_ID_DIMENSION = 'ModelId';
