/**
 * Deploy-time SCP slot arithmetic, free of any API: given what is attached to a
 * target now and what a deployment will attach, would the target go over the
 * per-target limit?
 */

/** One SCP a deployment attaches, as the guard's resource properties carry it. */
export interface PlannedScp {
  /**
   * Identity that survives a rename (the policy's CloudFormation logical ID), so
   * an Update that renames an attached policy is not counted as a new attachment.
   */
  readonly key: string;
  /** The policy name, which is unique in an organization. */
  readonly name: string;
  readonly targetIds: readonly string[];
}

export interface TargetSlots {
  readonly target: string;
  /** Names of the SCPs attached to the target now. */
  readonly attached: readonly string[];
  /** Names of this deployment's policies not yet attached to the target. */
  readonly attaching: readonly string[];
  /** SCPs on the target once the deployment is done. */
  readonly total: number;
  readonly limit: number;
  /**
   * Over the limit with something new to attach. A deployment that attaches
   * nothing new to a target never fails on it: that keeps a rollback (which
   * re-sends the previous properties) from failing too.
   */
  readonly blocked: boolean;
}

/** Every target of the planned policies, once each, in first-seen order. */
export function plannedTargets(policies: readonly PlannedScp[]): string[] {
  return [...new Set(policies.flatMap((p) => p.targetIds))];
}

/**
 * The target's slots after the deployment. A planned policy is already attached
 * when its name is, or when the name it had before this Update is.
 */
export function targetSlots(
  target: string, attached: readonly string[], policies: readonly PlannedScp[], previous: readonly PlannedScp[], limit: number,
): TargetSlots {
  const now = new Set(attached);
  const formerName = new Map(previous.map((p) => [p.key, p.name]));
  const attaching = policies
    .filter((p) => p.targetIds.includes(target))
    .filter((p) => !now.has(p.name) && !now.has(formerName.get(p.key) ?? p.name))
    .map((p) => p.name);
  const total = attached.length + attaching.length;
  return { target, attached, attaching, total, limit, blocked: attaching.length > 0 && total > limit };
}

function andList(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * "ou-ab12-34cd56ef already has 5 SCPs (FullAWSAccess, aws-guardrails-AbCd, ...);
 * attaching bedrock-au-residency would make 6, over the limit of 5"
 */
export function overLimitMessage(s: TargetSlots): string {
  const has = s.attached.length === 0
    ? 'has no SCPs attached'
    : `already has ${s.attached.length} SCP${s.attached.length === 1 ? '' : 's'} (${s.attached.join(', ')})`;
  return `${s.target} ${has}; attaching ${andList(s.attaching)} would make ${s.total}, over the limit of ${s.limit}`;
}
