import { Stack } from 'aws-cdk-lib';
import { CfnPolicy } from 'aws-cdk-lib/aws-organizations';
import { IConstruct, Node } from 'constructs';
import { targetOverLimit } from '../core/size-budget';

const SCP_TYPE = 'SERVICE_CONTROL_POLICY';

/** One SCP in the app and the targets it attaches to (resolved where possible). */
export interface ScpAttachment {
  readonly policy: CfnPolicy;
  /** Target keys: the ID, or the JSON of an unresolved CloudFormation expression. */
  readonly targets: string[];
}

/** A target as a comparable string: the ID, or the JSON of an unresolved CloudFormation expression. */
export function targetKey(target: unknown): string {
  return typeof target === 'string' ? target : JSON.stringify(target);
}

/**
 * Every SCP attached anywhere in the app, ours and hand-written `CfnPolicy`
 * resources alike, because all of them take a slot on their targets.
 */
export function scpAttachmentsInApp(scope: IConstruct): ScpAttachment[] {
  const all = Node.of(scope).root.node.findAll();
  const attachments: ScpAttachment[] = [];
  for (const c of all) {
    if (!(c instanceof CfnPolicy) || c.type !== SCP_TYPE) continue;
    const resolved = Stack.of(c).resolve(c.targetIds) as unknown;
    const targets = Array.isArray(resolved) ? resolved.map(targetKey) : [];
    attachments.push({ policy: c, targets: [...new Set(targets)] });
  }
  return attachments;
}

/** Policies attached to each target, in construct-tree order. */
export function policiesByTarget(attachments: readonly ScpAttachment[]): Map<string, CfnPolicy[]> {
  const byTarget = new Map<string, CfnPolicy[]>();
  for (const a of attachments) {
    for (const t of a.targets) {
      byTarget.set(t, [...(byTarget.get(t) ?? []), a.policy]);
    }
  }
  return byTarget;
}

/** The slot quota one of this library's policies was given. */
export interface SlotQuota {
  readonly maxPoliciesPerTarget: number;
  readonly policiesAttachedElsewhere: number;
}

/** This library's policies in each app, with their quotas. */
const OWN_POLICIES = new WeakMap<IConstruct, Map<CfnPolicy, SlotQuota>>();

/**
 * Registers one of this library's policies for the app-wide slot check. The
 * check itself is registered once per app, on its root, so that synthesizing
 * hundreds of policies walks the tree once rather than once per policy.
 */
export function registerForSlotCheck(policy: CfnPolicy, quota: SlotQuota): void {
  const root = Node.of(policy).root;
  let own = OWN_POLICIES.get(root);
  if (!own) {
    own = new Map();
    OWN_POLICIES.set(root, own);
    const registered = own;
    Node.of(root).addValidation({ validate: () => checkTargetSlots(root, registered) });
  }
  own.set(policy, quota);
}

/**
 * One error per target that would carry more SCPs than the quota allows. Every
 * SCP in the app counts, but only targets carrying one of this library's
 * policies are checked, with the strictest quota among them.
 */
function checkTargetSlots(root: IConstruct, own: Map<CfnPolicy, SlotQuota>): string[] {
  const problems: string[] = [];
  for (const [target, policies] of policiesByTarget(scpAttachmentsInApp(root))) {
    const quotas = policies.flatMap((p) => (own.has(p) ? [own.get(p)!] : []));
    if (quotas.length === 0) continue;
    const load = {
      fromThisApp: policies.length,
      attachedElsewhere: Math.max(...quotas.map((q) => q.policiesAttachedElsewhere)),
      limit: Math.min(...quotas.map((q) => q.maxPoliciesPerTarget)),
    };
    if (!targetOverLimit(load)) continue;
    problems.push(
      `target ${target} would carry ${load.fromThisApp + load.attachedElsewhere} SCPs, over the limit of ${load.limit} per target: `
      + `${load.fromThisApp} from this app (${policies.map((p) => p.node.path).join(', ')}) `
      + `and ${load.attachedElsewhere} assumed attached elsewhere (quota.policiesAttachedElsewhere, e.g. FullAWSAccess). `
      + 'Use AuBedrockResidencyScp to put the whole posture in one slot, or drop a stricter quota.maxPoliciesPerTarget you set.',
    );
  }
  return problems;
}
