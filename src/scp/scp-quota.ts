import {
  DEFAULT_MAX_POLICIES_PER_TARGET, DEFAULT_MAX_POLICY_SIZE, DEFAULT_POLICIES_ATTACHED_ELSEWHERE,
} from '../core/size-budget';

/**
 * The AWS Organizations SCP quotas to check against at synth time.
 *
 * The defaults are the long-standing quotas. Public reports say AWS raised them
 * to 10,240 characters and 10 policies per target in May 2026: set them here if
 * your organization has the raised quotas.
 */
export interface ScpQuota {
  /**
   * Largest minified policy, in characters.
   * @default 5120
   */
  readonly maxPolicySize?: number;

  /**
   * Most SCPs that may be attached to one root, OU or account.
   * @default 5
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
  /** Long-standing maximum SCP size in characters. */
  public static readonly DEFAULT_MAX_POLICY_SIZE = DEFAULT_MAX_POLICY_SIZE;
  /** Long-standing maximum number of SCPs per root, OU or account. */
  public static readonly DEFAULT_MAX_POLICIES_PER_TARGET = DEFAULT_MAX_POLICIES_PER_TARGET;
  /** Reported May 2026 maximum SCP size in characters. */
  public static readonly RAISED_MAX_POLICY_SIZE = 10240;
  /** Reported May 2026 maximum number of SCPs per target. */
  public static readonly RAISED_MAX_POLICIES_PER_TARGET = 10;

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
