/**
 * Where the residency evidence sits in a CloudTrail record of a Bedrock
 * call: `additionalEventData.inferenceRegion` names the Region that served a
 * profile call and is absent on a direct one.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/logging-using-cloudtrail.html
 */
import { eventSourceOf } from '../surface/ai-surface';

/** `eventSource` of Bedrock runtime and agent calls. Restricting to it keeps other services' look-alike fields out. */
export const BEDROCK_EVENT_SOURCE = eventSourceOf('bedrock');

/** EventBridge `source` of CloudTrail events from Bedrock. */
export const BEDROCK_EVENTBRIDGE_SOURCE = 'aws.bedrock';

/** EventBridge `detail-type` of every event CloudTrail delivers. */
export const CLOUDTRAIL_DETAIL_TYPE = 'AWS API Call via CloudTrail';

/**
 * Record fields, as dotted paths from the root of the CloudTrail record.
 * `additionalEventData.inferenceRegion` is present only when an inference
 * profile carried the call, and names the Region that served it; the record
 * itself is logged in the source Region (`awsRegion`).
 */
export const FIELDS = {
  eventSource: 'eventSource',
  eventName: 'eventName',
  eventTime: 'eventTime',
  awsRegion: 'awsRegion',
  account: 'recipientAccountId',
  principal: 'userIdentity.arn',
  modelId: 'requestParameters.modelId',
  inferenceRegion: 'additionalEventData.inferenceRegion',
} as const;

/**
 * The part of an inference-profile ARN before the profile ID:
 * `arn:aws:bedrock:ap-southeast-2:111122223333:inference-profile/global.anthropic...`.
 * The colon in front keeps `application-inference-profile/` ARNs (which carry no
 * prefix) from matching.
 */
export const PROFILE_ARN_MARKER = ':inference-profile/';
