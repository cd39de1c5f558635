/**
 * The traffic replay's report: the JSON contract other tools read
 * (`cdk-sovereign-bedrock traffic --format json`). Fields that may be absent are
 * `null`, never missing, so a reader can rely on every key.
 */

export const TRAFFIC_REPORT_KIND = 'cdk-sovereign-bedrock/traffic';
export const TRAFFIC_SCHEMA_VERSION = 1;

export type TrafficDecision = 'ALLOWED' | 'DENIED';

/** One call of the governed surface, reduced to what decides residency. */
export interface TrafficKey {
  readonly accountId: string;
  /** The role's ARN for an assumed role (`sessionContext.sessionIssuer.arn`), else `userIdentity.arn`. */
  readonly principalArn: string;
  readonly eventSource: string;
  readonly eventName: string;
  /** `requestParameters.modelId` (Bedrock), `.model` (Mantle), or the routing profile a request names. */
  readonly modelId: string | null;
  /** `awsRegion`: where the call was made (and logged). */
  readonly sourceRegion: string;
  /** `additionalEventData.inferenceRegion`, when the event carries it. */
  readonly inferenceRegion: string | null;
  readonly errorCode: string | null;
  /** The call failed with an explicit deny in a service control policy. */
  readonly alreadyDeniedBySCP: boolean;
}

/** A key seen `count` times between `firstSeen` and `lastSeen` on one day. */
export interface TrafficObservation {
  readonly key: TrafficKey;
  readonly day: string;
  readonly count: number;
  readonly firstSeen: string;
  readonly lastSeen: string;
}

export interface TrafficCallRow {
  readonly accountId: string;
  readonly principalArn: string;
  readonly eventSource: string;
  readonly eventName: string;
  readonly modelId: string | null;
  readonly profilePrefix: string | null;
  readonly sourceRegion: string;
  readonly servedRegion: string;
  readonly decision: TrafficDecision;
  readonly statement: string | null;
  readonly alreadyDeniedBySCP: boolean;
  /** The call's own error code, when it failed (a failed call was not served). */
  readonly errorCode: string | null;
  readonly count: number;
  readonly australianAlternative: string | null;
  /** Why there is no alternative, or what the alternative changes; null when nothing needs saying. */
  readonly alternativeNote: string | null;
  readonly firstSeen: string;
  readonly lastSeen: string;
}

export interface TrafficTimelineRow {
  readonly day: string;
  readonly servedRegion: string;
  readonly count: number;
}

export interface TrafficBlindSpot {
  readonly surface: string;
  readonly reason: string;
}

export interface TrafficProblem {
  readonly file: string;
  /** Index of the record in the file's `Records` array (0-based), or null for the whole file. */
  readonly record: number | null;
  readonly reason: string;
}

export interface TrafficSummary {
  readonly filesRead: number;
  readonly eventsRead: number;
  readonly residencyEvents: number;
  readonly servedOutsideAustralia: number;
  readonly wouldBeDenied: number;
  readonly deniedBySCP: number;
  readonly malformedFiles: number;
  readonly malformedRecords: number;
  /** Files that could not be read at all (after retries). */
  readonly unreadableFiles: number;
}

export interface TrafficReport {
  readonly kind: typeof TRAFFIC_REPORT_KIND;
  readonly schemaVersion: typeof TRAFFIC_SCHEMA_VERSION;
  readonly tool: { readonly name: string; readonly version: string };
  readonly generatedAt: string;
  readonly window: {
    readonly from: string | null;
    readonly to: string | null;
    readonly firstEvent: string | null;
    readonly lastEvent: string | null;
  };
  readonly source: string;
  readonly posture: Record<string, unknown>;
  readonly summary: TrafficSummary;
  readonly calls: TrafficCallRow[];
  readonly timeline: TrafficTimelineRow[];
  readonly blindSpots: TrafficBlindSpot[];
  readonly problems: TrafficProblem[];
}

/** Which log files to read: everything, or only some days, accounts and Regions. */
export interface TrafficFilter {
  /** First day (YYYY-MM-DD, UTC), inclusive. */
  readonly from?: string;
  /** Last day (YYYY-MM-DD, UTC), inclusive. */
  readonly to?: string;
  readonly accounts?: readonly string[];
  readonly regions?: readonly string[];
}
