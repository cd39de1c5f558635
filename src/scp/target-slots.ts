import { IConstruct, Node } from 'constructs';
import { CfnPolicy } from 'aws-cdk-lib/aws-organizations';
import { Stack } from 'aws-cdk-lib';

const SCP_TYPE = 'SERVICE_CONTROL_POLICY';

/** One SCP in the app and the targets it attaches to (resolved where possible). */
export interface ScpAttachment {
  readonly policy: CfnPolicy;
  /** Target keys: the ID, or the JSON of an unresolved CloudFormation expression. */
  readonly targets: string[];
}

function targetKey(target: unknown): string {
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
