import { governedPrefixOf } from './governed-sources';
import { TrafficKey } from './traffic-types';

/**
 * One CloudTrail record reduced to what decides residency. The fields read,
 * as CloudTrail documents them (record contents reference):
 * `eventSource`, `eventName`, `eventTime`, `awsRegion`, `recipientAccountId`,
 * `userIdentity` (`type`, `arn`, `accountId`, `invokedBy`,
 * `sessionContext.sessionIssuer.arn`), `errorCode`, `errorMessage`,
 * `requestParameters` (`modelId`, `model`, `crossRegionConfig.guardrailProfileIdentifier`,
 * `dataAutomationProfileArn`) and `additionalEventData.inferenceRegion`.
 *
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/logging-using-cloudtrail.html
 */
export interface GovernedEvent {
  readonly key: TrafficKey;
  readonly eventTime: string;
}

export type NormalizeResult =
  | { readonly kind: 'governed'; readonly event: GovernedEvent }
  | { readonly kind: 'other' }
  | { readonly kind: 'malformed'; readonly reason: string };

const SCP_DENIAL_CODES = new Set(['AccessDenied', 'AccessDeniedException']);

/**
 * An explicit deny by a service control policy: IAM's denial message names the
 * policy type ("... with an explicit deny in a service control policy").
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
 */
export function isScpDenial(errorCode: unknown, errorMessage: unknown): boolean {
  return typeof errorCode === 'string' && SCP_DENIAL_CODES.has(errorCode)
    && typeof errorMessage === 'string' && /explicit deny in a service control policy/i.test(errorMessage);
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const obj = (v: unknown): Record<string, any> | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, any> : undefined);

/** The caller as SCPs see it (`aws:PrincipalArn`): the role of an assumed-role session, not the session. */
export function principalOf(identity: Record<string, any> | undefined, account: string): string {
  if (!identity) return 'unknown (no type)'; // as the Athena query names it
  const issuer = str(obj(obj(identity.sessionContext)?.sessionIssuer)?.arn);
  if (identity.type === 'AssumedRole' && issuer) return issuer;
  const arn = str(identity.arn);
  if (arn) return arn;
  if (identity.type === 'Root') return `arn:aws:iam::${str(identity.accountId) ?? account}:root`;
  if (identity.type === 'AWSService') return str(identity.invokedBy) ?? 'AWSService';
  return `unknown (${str(identity.type) ?? 'no type'})`;
}

/** The model (or routing profile) a request names. */
export function modelOf(params: Record<string, any> | undefined): string | null {
  if (!params) return null;
  return str(params.modelId) ?? str(params.model) ?? str(params.modelIdentifier)
    ?? str(obj(params.crossRegionConfig)?.guardrailProfileIdentifier) ?? str(params.dataAutomationProfileArn) ?? null;
}

/** A record of the governed surface, a record of another service, or a malformed record (with why). */
export function normalizeRecord(record: unknown, prefixes?: readonly string[]): NormalizeResult {
  const r = obj(record);
  if (!r) return { kind: 'malformed', reason: 'a record must be a JSON object' };
  const eventSource = str(r.eventSource);
  if (!eventSource) return { kind: 'malformed', reason: 'the record has no eventSource' };
  if (!governedPrefixOf(eventSource, prefixes)) return { kind: 'other' };
  const missing = ['eventName', 'eventTime', 'awsRegion'].filter((f) => !str(r[f]));
  if (missing.length > 0) return { kind: 'malformed', reason: `a ${eventSource} record without ${missing.join(', ')}` };
  const eventTime = r.eventTime as string;
  if (Number.isNaN(Date.parse(eventTime))) return { kind: 'malformed', reason: `eventTime ${JSON.stringify(eventTime)} is not a time` };
  const identity = obj(r.userIdentity);
  const accountId = str(r.recipientAccountId) ?? str(identity?.accountId);
  if (!accountId) return { kind: 'malformed', reason: `a ${eventSource} record without recipientAccountId or userIdentity.accountId` };
  return {
    kind: 'governed',
    event: {
      eventTime,
      key: {
        accountId,
        principalArn: principalOf(identity, accountId),
        eventSource,
        eventName: r.eventName as string,
        modelId: modelOf(obj(r.requestParameters)),
        sourceRegion: r.awsRegion as string,
        inferenceRegion: str(obj(r.additionalEventData)?.inferenceRegion) ?? null,
        errorCode: str(r.errorCode) ?? null,
        alreadyDeniedBySCP: isScpDenial(r.errorCode, r.errorMessage),
      },
    },
  };
}
