import {
  DEFAULT_MAX_POLICIES_PER_TARGET, DEFAULT_MAX_POLICY_SIZE, DEFAULT_POLICIES_ATTACHED_ELSEWHERE,
  LEGACY_MAX_POLICIES_PER_TARGET, LEGACY_MAX_POLICY_SIZE,
} from '../core/size-budget';

/**
 * The AWS Organizations SCP quotas to check against at synth time.
 *
 * The defaults are AWS's quotas since 15 May 2026: 10,240 characters per SCP
 * and 10 SCPs per root, OU or account, for every organization. To keep the
 * older, stricter budget (5,120 characters, 5 per target) on purpose, for
 * example so the same policies fit a second organization, pass
 * `ScpLimits.LEGACY_QUOTA`.
 *
 * @see https://aws.amazon.com/about-aws/whats-new/2026/05/aws-organizations-increased-scp-quotas/
 */
export interface ScpQuota {
  /**
   * Largest minified policy, in characters.
   * @default 10240
   */
  readonly maxPolicySize?: number;

  /**
   * Most SCPs that may be attached to one root, OU or account.
   * @default 10
   */
  readonly maxPoliciesPerTarget?: number;

  /**
   * SCPs assumed to be attached to every target by something other than this app:
   * `FullAWSAccess`, Control Tower's `aws-guardrails-*` policies, your own.
   * Raise it for Control Tower-governed OUs (typically 2 or 3).
   * @default 1 (FullAWSAccess)
   */
  readonly policiesAttachedElsewhere?: number;
}

/** Quota values as resolved numbers, for reuse by the constructs. */
export class ScpLimits {
  /** Maximum SCP size in characters (AWS Organizations quota since 15 May 2026). */
  public static readonly DEFAULT_MAX_POLICY_SIZE = DEFAULT_MAX_POLICY_SIZE;
  /** Maximum number of SCPs per root, OU or account (AWS Organizations quota since 15 May 2026). */
  public static readonly DEFAULT_MAX_POLICIES_PER_TARGET = DEFAULT_MAX_POLICIES_PER_TARGET;
  /** The same as `DEFAULT_MAX_POLICY_SIZE`: AWS raised the quota to it on 15 May 2026. */
  public static readonly RAISED_MAX_POLICY_SIZE = DEFAULT_MAX_POLICY_SIZE;
  /** The same as `DEFAULT_MAX_POLICIES_PER_TARGET`: AWS raised the quota to it on 15 May 2026. */
  public static readonly RAISED_MAX_POLICIES_PER_TARGET = DEFAULT_MAX_POLICIES_PER_TARGET;
  /** Maximum SCP size before 15 May 2026. */
  public static readonly LEGACY_MAX_POLICY_SIZE = LEGACY_MAX_POLICY_SIZE;
  /** Maximum SCPs per target before 15 May 2026. */
  public static readonly LEGACY_MAX_POLICIES_PER_TARGET = LEGACY_MAX_POLICIES_PER_TARGET;
  /** The stricter budget of the quotas before 15 May 2026, for `quota`. */
  public static readonly LEGACY_QUOTA: ScpQuota = {
    maxPolicySize: LEGACY_MAX_POLICY_SIZE,
    maxPoliciesPerTarget: LEGACY_MAX_POLICIES_PER_TARGET,
  };

  /** Fills in the defaults of a quota. */
  public static resolve(quota: ScpQuota = {}): ScpLimits {
    return new ScpLimits(
      quota.maxPolicySize ?? DEFAULT_MAX_POLICY_SIZE,
      quota.maxPoliciesPerTarget ?? DEFAULT_MAX_POLICIES_PER_TARGET,
      quota.policiesAttachedElsewhere ?? DEFAULT_POLICIES_ATTACHED_ELSEWHERE,
    );
  }

  private constructor(
    /** Largest minified policy, in characters. */
    public readonly maxPolicySize: number,
    /** Most SCPs per target. */
    public readonly maxPoliciesPerTarget: number,
    /** SCPs assumed attached to each target by others. */
    public readonly policiesAttachedElsewhere: number,
  ) {}
}
