import { PolicyDocumentJson } from './policy-json';

/**
 * AWS Organizations SCP quotas. Since 15 May 2026 every organization has
 * 10,240 characters per SCP and 10 SCPs attached directly to each root, OU or
 * account, automatically, with no request needed.
 *
 * @see https://aws.amazon.com/about-aws/whats-new/2026/05/aws-organizations-increased-scp-quotas/
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html
 */
export const DEFAULT_MAX_POLICY_SIZE = 10240;
export const DEFAULT_MAX_POLICIES_PER_TARGET = 10;
/** The quotas before 15 May 2026, for organizations that keep the stricter budget on purpose. */
export const LEGACY_MAX_POLICY_SIZE = 5120;
export const LEGACY_MAX_POLICIES_PER_TARGET = 5;
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
