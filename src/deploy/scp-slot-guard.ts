import { CustomResource, Lazy, Stack } from 'aws-cdk-lib';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { ScpSlotGuardFunction } from './scp-slot-guard-function';
import { sharedProvider } from './shared-provider';
import { GUARD_LIMIT_PROPERTY, GUARD_POLICIES_PROPERTY } from '../core/deploy/scp-slot-guard-handler';
import { MAX_SCPS_PER_TARGET } from '../core/quota-maximums';
import { ValidationErrors } from '../core/validation-errors';
import { assertPropsObject, checkPositiveInteger, describeType } from '../core/validators';
import { checkProtectArgs } from '../private/protect-args';
import { scpAttachmentsInApp, targetKey } from '../private/target-slots';
import { ResidencyScp } from '../scp/residency-scp';

/** Options of `ScpSlotGuard.protect()`. */
export interface ScpSlotGuardOptions {
  /**
   * Most SCPs one root, OU or account may carry once the deployment is done,
   * counting `FullAWSAccess` and Control Tower's `aws-guardrails-*` policies.
   * @default - the smallest `quota.maxPoliciesPerTarget` of the guarded policies (10 unless a stricter quota was set)
   */
  readonly maxPoliciesPerTarget?: number;
}

/** Props of `ScpSlotGuard`. */
export interface ScpSlotGuardProps extends ScpSlotGuardOptions {
  /**
   * The SCPs to check before they attach. Each one's `AWS::Organizations::Policy`
   * depends on the guard.
   * @default - none yet: add them with `addPolicy()`
   */
  readonly policies?: ResidencyScp[];
}

const SHARED_GUARD_ID = 'CdkSovereignBedrockScpSlotGuard';

/**
 * Checks, at deploy time and before any guarded SCP attaches, that no target
 * would go over the per-target SCP limit. The synth-time check can only assume
 * how many policies others attached (`quota.policiesAttachedElsewhere`); this
 * one reads them with `organizations:ListPoliciesForTarget`, counting
 * `FullAWSAccess` and Control Tower's `aws-guardrails-*` policies, and fails the
 * deployment with a message naming the target, the limit and the attached
 * policies instead of an opaque Organizations error halfway through an update.
 *
 * Counted: the SCPs attached now, plus each SCP of this stack that attaches to a
 * guarded target and is not attached yet (matched by name, so an update that
 * re-sends an attached policy adds nothing). Targets may be tokens, such as an
 * `OrganizationalUnitPath`'s ID; the guard re-runs whenever targets, names or
 * the limit change.
 *
 * @example
 * const posture = new AuBedrockResidencyScp(this, 'Posture', { targetIds: ['ou-ab12-34cd56ef'] });
 * ScpSlotGuard.protect(posture);
 */
export class ScpSlotGuard extends Construct {
  /** CloudFormation type of the custom resource. */
  public static readonly RESOURCE_TYPE = 'Custom::ScpSlotGuard';

  /**
   * The provider every `ScpSlotGuard` in the scope's stack uses, created on
   * first use: one function, allowed only `organizations:ListPoliciesForTarget`.
   */
  public static provider(scope: Construct): cr.Provider {
    return sharedProvider(scope, {
      id: 'CdkSovereignBedrockScpSlotGuardProvider',
      description: 'cdk-sovereign-bedrock: checks SCP slots per target before SCPs attach',
      createHandler: (s, id, options) => new ScpSlotGuardFunction(s, id, options),
      actions: ['organizations:ListPoliciesForTarget'],
    });
  }

  /**
   * Guards `scp` with its stack's shared guard, created on first use. Guarding
   * every policy of a stack with one guard counts them together: two new
   * policies on one target are both counted. When several calls give
   * `maxPoliciesPerTarget`, the smallest applies.
   */
  public static protect(scp: ResidencyScp, options: ScpSlotGuardOptions = {}): ScpSlotGuard {
    checkProtectArgs('ScpSlotGuard.protect()', scp, options);
    const stack = Stack.of(scp);
    const existing = stack.node.tryFindChild(SHARED_GUARD_ID);
    const guard = existing instanceof ScpSlotGuard ? existing : new ScpSlotGuard(stack, SHARED_GUARD_ID);
    guard.setLimit(options.maxPoliciesPerTarget, 'ScpSlotGuard.protect()');
    guard.addPolicy(scp);
    return guard;
  }

  private readonly resource: CustomResource;
  private readonly guarded: ResidencyScp[] = [];
  private readonly limitsGiven: number[] = [];

  constructor(scope: Construct, id: string, props: ScpSlotGuardProps = {}) {
    super(scope, id);
    assertPropsObject('ScpSlotGuard', this.node.path, props, 'optional policies and maxPoliciesPerTarget');
    const policies: unknown = props.policies;
    if (policies !== undefined && policies !== null) {
      const errors = new ValidationErrors();
      if (!Array.isArray(policies)) errors.add('policies', `must be a list of the library's SCPs (AuBedrockResidencyScp, ...), got ${describeType(policies)}`);
      else policies.forEach((p, i) => { if (!(p instanceof ResidencyScp)) errors.add(`policies[${i}]`, `must be one of the library's SCPs (AuBedrockResidencyScp, AuOnlyInferenceScp, RegionAllowlistScp), got ${describeType(p)}`); });
      errors.throwIfAny('ScpSlotGuard', this.node.path);
    }
    this.setLimit(props.maxPoliciesPerTarget, `ScpSlotGuard at ${this.node.path}`);
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: ScpSlotGuard.provider(this).serviceToken,
      resourceType: ScpSlotGuard.RESOURCE_TYPE,
      properties: {
        // Lazy: targets added with addTarget() after the guard are still checked.
        [GUARD_POLICIES_PROPERTY]: Lazy.any({ produce: () => this.plannedPolicies() }),
        [GUARD_LIMIT_PROPERTY]: Lazy.number({ produce: () => this.maxPoliciesPerTarget }),
      },
    });
    this.node.addValidation({
      validate: () => (this.guarded.length > 0 ? [] : [
        `ScpSlotGuard at ${this.node.path} guards no policy: pass policies or call addPolicy()`,
      ]),
    });
    for (const scp of props.policies ?? []) this.addPolicy(scp);
  }

  /** The limit the guard enforces per target. */
  public get maxPoliciesPerTarget(): number {
    const limits = this.limitsGiven.length > 0 ? this.limitsGiven : this.guarded.map((g) => g.limits.maxPoliciesPerTarget);
    return limits.length > 0 ? Math.min(...limits) : 5;
  }

  /** Checks one more SCP before it attaches: its policy will depend on this guard. */
  public addPolicy(scp: ResidencyScp): void {
    if (!(scp instanceof ResidencyScp)) {
      const errors = new ValidationErrors();
      errors.add('scp', `must be one of the library's SCPs (AuBedrockResidencyScp, AuOnlyInferenceScp, RegionAllowlistScp), got ${describeType(scp)}`);
      errors.throwIfAny('ScpSlotGuard.addPolicy()', this.node.path);
    }
    if (Stack.of(scp) !== Stack.of(this)) {
      const errors = new ValidationErrors();
      errors.add('policies', `${scp.node.path} is in stack ${Stack.of(scp).node.path}, not ${Stack.of(this).node.path}. `
        + 'A guard must be in the stack of the policies it checks; use ScpSlotGuard.protect(scp) to get that stack\'s guard');
      errors.throwIfAny(`ScpSlotGuard.addPolicy() at ${this.node.path}`);
    }
    if (this.guarded.includes(scp)) return;
    this.guarded.push(scp);
    for (const policy of scp.policies) policy.node.addDependency(this.resource);
  }

  private setLimit(limit: number | undefined, where: string): void {
    const errors = new ValidationErrors();
    checkPositiveInteger('maxPoliciesPerTarget', limit, errors, 1, MAX_SCPS_PER_TARGET);
    errors.throwIfAny(where);
    if (limit !== undefined) this.limitsGiven.push(limit);
  }

  /**
   * `[{ Key, Name, TargetIds }]`: the guarded policies, and any other SCP of this
   * stack (a hand-written `CfnPolicy`, an unguarded construct) on a guarded
   * target, since it takes a slot in the same deployment. Key is the logical ID,
   * which lets the handler recognise a renamed policy as already attached.
   */
  private plannedPolicies(): unknown[] {
    const stack = Stack.of(this);
    const guarded = new Set(this.guarded.flatMap((g) => g.policies));
    const inStack = scpAttachmentsInApp(this).filter((a) => Stack.of(a.policy) === stack);
    const checked = new Set(inStack.filter((a) => guarded.has(a.policy)).flatMap((a) => a.targets));
    return inStack.flatMap((a) => {
      const resolved = stack.resolve(a.policy.targetIds) as unknown;
      const targets = (Array.isArray(resolved) ? resolved : []).filter((t) => checked.has(targetKey(t)));
      return targets.length === 0 ? [] : [{ Key: a.policy.logicalId, Name: a.policy.name, TargetIds: targets }];
    });
  }
}
