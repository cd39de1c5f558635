import { PolicyDocumentJson } from './policy-json';

/**
 * Long-standing SCP limits (AWS Organizations quotas). Public reports say AWS
 * raised them to 10,240 characters and 10 policies per target in May 2026; both
 * are settings in this library, so an organization on the raised quotas can say so.
 */
export const DEFAULT_MAX_POLICY_SIZE = 5120;
export const DEFAULT_MAX_POLICIES_PER_TARGET = 5;
/** FullAWSAccess is attached to every root, OU and account unless someone removed it. */
export const DEFAULT_POLICIES_ATTACHED_ELSEWHERE = 1;

/**
 * The policy exactly as it should be sent to the Organizations API: no
 * whitespace. The console strips whitespace but the API stores (and counts)
 * what it receives, so the minified text is the size that matters.
 */
export function minify(doc: PolicyDocumentJson): string {
  return JSON.stringify(doc);
}

/** Size in characters, the unit AWS Organizations counts. */
export function minifiedSize(doc: PolicyDocumentJson): number {
  return minify(doc).length;
}

export interface SizeReport {
  readonly size: number;
  readonly limit: number;
  /** Characters left before the limit (negative when over). */
  readonly headroom: number;
  readonly fits: boolean;
  /** Share of the limit used, 0-100+, one decimal. */
  readonly percentUsed: number;
}

export function sizeReport(size: number, limit: number): SizeReport {
  return {
    size,
    limit,
    headroom: limit - size,
    fits: size <= limit,
    percentUsed: Math.round((size / limit) * 1000) / 10,
  };
}

export interface TargetLoad {
  /** Policies this app attaches to the target. */
  readonly fromThisApp: number;
  /** Policies assumed to be attached by others (FullAWSAccess, Control Tower guardrails). */
  readonly attachedElsewhere: number;
  readonly limit: number;
}

export function targetOverLimit(load: TargetLoad): boolean {
  return load.fromThisApp + load.attachedElsewhere > load.limit;
}
