import { CustomResource, Lazy, Stack } from 'aws-cdk-lib';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { ScpConflictCheckFunction } from './scp-conflict-check-function';
import { sharedProvider } from './shared-provider';
import { CONFLICT_ACTION_PROPERTY, CONFLICT_FINDINGS_ATTRIBUTE, CONFLICT_POLICIES_PROPERTY } from '../core/deploy/scp-conflict-check-handler';
import { ValidationErrors } from '../core/validation-errors';
import { checkEnum, checkRegions } from '../core/validators';
import { checkProtectArgs } from '../private/protect-args';
import { isToken, resolvedForChecks } from '../private/tokens';
import { ResidencyScp } from '../scp/residency-scp';

/** What the deploy-time check does when the attached SCPs and the posture disagree. */
export enum ScpConflictAction {
  /** Fail the deployment before any posture SCP attaches, naming policy, statement and fix. */
  FAIL = 'FAIL',
  /** Attach the posture anyway; the report is in the `findings` attribute and the function's log. */
  WARN = 'WARN',
}

/** Options of `ScpConflictCheck.protect()`. */
export interface ScpConflictCheckOptions {
  /**
   * What to do when an SCP already on a target's path would break an Australian
   * path (a Region deny without Melbourne) or the posture could not take effect.
   * When several calls disagree, FAIL wins.
   * @default ScpConflictAction.FAIL
   */
  readonly onConflict?: ScpConflictAction;

  /**
   * The Regions the policy's Region lock lets Bedrock calls originate from, so
   * the check expects the same decisions the posture makes (a direct call in
   * Melbourne is expected to work only if listed).
   * @default - ['ap-southeast-2'] for the policy's targets
   */
  readonly allowedRegions?: string[];
}

const SHARED_CHECK_ID = 'CdkSovereignBedrockScpConflictCheck';

/**
 * Checks, at deploy time and before any checked SCP attaches, that the SCPs
 * already in force on each target (attached to the root, each OU down the path
 * and the target itself) agree with the posture. It evaluates them together
 * with the posture's own documents as the audit judges an account (requests
 * derived from the chain, the legs of real Bedrock calls among them) and fails
 * the deployment, naming the target, the policy, the
 * statement and the fix, when
 *
 * - an attached SCP would deny an Australian path the posture keeps open: a
 *   Control Tower Region deny without ap-southeast-4 blocks the Melbourne legs
 *   of every `au.` call;
 * - the posture could not take effect: a target that is the management account
 *   (SCPs never apply to it), or exemptions that cover workload roles.
 *
 * With `onConflict: WARN` the deployment goes on and the report is in
 * `findings`. The check runs when the posture or its targets change; drift
 * after that is the audit's job. Deploy in the management account (or a
 * delegated administrator for Organizations policies): the function may call
 * only DescribeOrganization, ListParents, ListPoliciesForTarget and DescribePolicy.
 *
 * @example
 * const posture = new AuBedrockResidencyScp(this, 'Posture', { targetIds: ['ou-ab12-34cd56ef'] });
 * ScpConflictCheck.protect(posture);
 */
export class ScpConflictCheck extends Construct {
  /** CloudFormation type of the custom resource. */
  public static readonly RESOURCE_TYPE = 'Custom::ScpConflictCheck';

  /** The provider every `ScpConflictCheck` in the scope's stack uses, created on first use. */
  public static provider(scope: Construct): cr.Provider {
    return sharedProvider(scope, {
      id: 'CdkSovereignBedrockScpConflictCheckProvider',
      description: 'cdk-sovereign-bedrock: checks the SCPs already attached against the residency posture before it attaches',
      createHandler: (s, id, options) => new ScpConflictCheckFunction(s, id, options),
      actions: [
        'organizations:DescribeOrganization',
        'organizations:ListParents',
        'organizations:ListPoliciesForTarget',
        'organizations:DescribePolicy',
      ],
    });
  }

  /** Checks `scp` with its stack's shared check, created on first use. */
  public static protect(scp: ResidencyScp, options: ScpConflictCheckOptions = {}): ScpConflictCheck {
    checkProtectArgs('ScpConflictCheck.protect()', scp, options);
    const stack = Stack.of(scp);
    const existing = stack.node.tryFindChild(SHARED_CHECK_ID);
    const check = existing instanceof ScpConflictCheck ? existing : new ScpConflictCheck(stack, SHARED_CHECK_ID);
    check.addPolicy(scp, options);
    return check;
  }

  /** The report of a WARN-mode deployment (empty when nothing conflicts). */
  public readonly findings: string;

  private readonly resource: CustomResource;
  private readonly checked: { scp: ResidencyScp; allowedRegions: string[] }[] = [];
  private readonly actions: ScpConflictAction[] = [];

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: ScpConflictCheck.provider(this).serviceToken,
      resourceType: ScpConflictCheck.RESOURCE_TYPE,
      properties: {
        // Lazy: policies and targets added later are still checked.
        [CONFLICT_POLICIES_PROPERTY]: Lazy.any({ produce: () => this.checkedPolicies() }),
        [CONFLICT_ACTION_PROPERTY]: Lazy.string({ produce: () => this.onConflict }),
      },
    });
    this.findings = this.resource.getAttString(CONFLICT_FINDINGS_ATTRIBUTE);
    this.node.addValidation({
      validate: () => (this.checked.length > 0 ? [] : [`ScpConflictCheck at ${this.node.path} checks no policy: call addPolicy()`]),
    });
  }

  /** FAIL unless every caller asked for WARN. */
  public get onConflict(): ScpConflictAction {
    return this.actions.length > 0 && this.actions.every((a) => a === ScpConflictAction.WARN) ? ScpConflictAction.WARN : ScpConflictAction.FAIL;
  }

  /** Checks one more SCP before it attaches: its policy will depend on this check. */
  public addPolicy(scp: ResidencyScp, options: ScpConflictCheckOptions = {}): void {
    checkProtectArgs(`ScpConflictCheck.addPolicy() at ${this.node.path}`, scp, options);
    const errors = new ValidationErrors();
    checkEnum('onConflict', options.onConflict, Object.values(ScpConflictAction), 'ScpConflictAction', errors);
    if (Stack.of(scp) !== Stack.of(this)) {
      errors.add('policies', `${scp.node.path} is in another stack; use ScpConflictCheck.protect(scp) to get that stack's check`);
    }
    // A Region token resolves at synth (the posture hands its own allowedRegions on); one only CloudFormation knows is refused.
    const { allowedRegions } = resolvedForChecks(this, options, { allowedRegions: { rule: 'literal', what: 'the Region code (ap-southeast-2)' } }, errors);
    checkRegions('allowedRegions', allowedRegions, errors, isToken);
    errors.throwIfAny(`ScpConflictCheck.addPolicy() at ${this.node.path}`);
    this.actions.push(options.onConflict ?? ScpConflictAction.FAIL);
    if (this.checked.some((c) => c.scp === scp)) return;
    this.checked.push({ scp, allowedRegions: allowedRegions ?? [] });
    for (const policy of scp.policies) policy.node.addDependency(this.resource);
  }

  /** `[{ Name, Document, TargetIds, AllowedRegions }]` for the handler. */
  private checkedPolicies(): unknown[] {
    const stack = Stack.of(this);
    // A policy that spilled over several SCPs is checked as the SCPs it attaches.
    return this.checked.flatMap(({ scp, allowedRegions }) => scp.policies.map((policy) => ({
      Name: policy.name,
      Document: stack.toJsonString(policy.content),
      TargetIds: scp.targetIds,
      AllowedRegions: allowedRegions,
    })));
  }
}
