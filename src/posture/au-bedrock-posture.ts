import { Annotations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { checkPostureProps } from './check-posture-props';
import { SovereignBedrockInvoker, SovereignBedrockInvokerProps } from '../access/sovereign-bedrock-invoker';
import { controlTowerRoleArnPatterns } from '../core/control-tower';
import { buildPart, ValidationErrors } from '../core/validation-errors';
import { OrganizationalUnitPath } from '../deploy/organizational-unit-path';
import { ScpConflictAction, ScpConflictCheck } from '../deploy/scp-conflict-check';
import { ScpSlotGuard } from '../deploy/scp-slot-guard';
import { InferenceRegionAlarm } from '../detect/inference-region-alarm';
import { InferenceRegionAlarmProps } from '../detect/inference-region-alarm-props';
import { ControlTowerRegionDeny, ControlTowerRegionDenyProps } from '../landing-zone/control-tower-region-deny';
import { AuBedrockResidencyScp } from '../scp/au-bedrock-residency-scp';
import { AuOnlyInferenceScp } from '../scp/au-only-inference-scp';
import { RegionAllowlistScp } from '../scp/region-allowlist-scp';
import { ResidencyScp } from '../scp/residency-scp';
import { AuOnlyInferenceOptions, ExemptionScope, RegionAllowlistOptions } from '../scp/residency-scp-props';
import { ScpQuota } from '../scp/scp-quota';

/** How the preventive half is emitted. */
export enum PostureScpMode {
  /** Both locks in one SCP: one slot per target. */
  SINGLE_POLICY = 'SINGLE_POLICY',
  /** `AuOnlyInferenceScp` and `RegionAllowlistScp`: two slots, detachable separately. */
  SEPARATE_POLICIES = 'SEPARATE_POLICIES',
  /** No SCPs (for example when another pipeline deploys them). */
  NONE = 'NONE',
}

export interface AuBedrockPostureProps extends AuOnlyInferenceOptions, RegionAllowlistOptions {
  /**
   * Roots, OUs and accounts the SCPs attach to. Tokens (an OU created in the
   * same app, a resolved OU path) are passed through.
   * @default - none; give `targetIds`, `organizationalUnitPaths` or both
   */
  readonly targetIds?: string[];

  /**
   * OUs to attach to by path (`Root/Workloads/Prod`), resolved at deploy time
   * by one shared custom resource function per stack.
   * @default - none
   */
  readonly organizationalUnitPaths?: string[];

  /**
   * Before the SCPs attach, count the SCPs already attached to each target
   * (FullAWSAccess and Control Tower's included) and fail the deployment with
   * a readable message if the quota would be exceeded (a custom resource).
   * @default false
   */
  readonly guardScpSlots?: boolean;

  /**
   * Before the SCPs attach, read the SCPs already in force on each target (the
   * root's, each OU's down the path, the target's) and evaluate them with the
   * posture: a Control Tower Region deny without ap-southeast-4, or a target the
   * posture cannot take effect on, fails the deployment with the policy, the
   * statement and the fix (a custom resource, `ScpConflictCheck`). With
   * `controlTowerRegionDeny`, the check runs once that control is enabled.
   * @default false
   */
  readonly checkExistingScps?: boolean;

  /**
   * What `checkExistingScps` does on a conflict: fail the deployment, or attach
   * anyway and report.
   * @default ScpConflictAction.FAIL
   */
  readonly onScpConflict?: ScpConflictAction;

  /**
   * How the SCPs are emitted.
   * @default PostureScpMode.SINGLE_POLICY
   */
  readonly scpMode?: PostureScpMode;

  /**
   * Exempt AWS Control Tower's own roles (AWSControlTowerExecution,
   * aws-controltower-ConfigRecorderRole, aws-controltower-ForwardSnsNotificationRole,
   * AWSControlTower_VPCFlowLogsRole), as Control Tower's own Region deny does.
   * @default true
   */
  readonly exemptControlTowerRoles?: boolean;

  /**
   * Break-glass and other principals exempt from the statements
   * `exemptionScope` names (`aws:PrincipalArn` patterns).
   * @default - none besides the Control Tower roles
   */
  readonly exemptPrincipalArns?: string[];

  /**
   * Which statements the exempt principals (Control Tower's roles included) pass.
   * @default ExemptionScope.ADMINISTRATION
   */
  readonly exemptionScope?: ExemptionScope;

  /**
   * Patterns of `exemptPrincipalArns` that exempt every role (or user) of one
   * account (`arn:aws:iam::111122223333:role/*`), accepted as intended: a
   * warning instead of a synth error. Every role of every account
   * (`arn:aws:iam::*:role/*`) is refused either way.
   * @default - none: account-wide exemptions are refused
   */
  readonly acknowledgedAccountWideExemptions?: string[];

  /**
   * Name of the (single) SCP, or the prefix of the two.
   * @default - derived from the construct path
   */
  readonly policyName?: string;

  /**
   * SCP quotas. Control Tower OUs already carry FullAWSAccess and guardrail SCPs.
   * @default - 10,240 characters, 10 per target, 1 attached elsewhere (AWS Organizations quotas since 15 May 2026)
   */
  readonly quota?: ScpQuota;

  /**
   * Detective controls: an `InferenceRegionAlarm` on the CloudTrail log group or trail given here.
   * @default - no detective controls
   */
  readonly detection?: InferenceRegionAlarmProps;

  /**
   * Access: a `SovereignBedrockInvoker` role made with these props, in this stack.
   *
   * The posture's stack is deployed in the management account or a delegated administrator, so
   * the role lands there: SCPs never apply to the management account, and workloads do not run in
   * either. Every use draws a synth warning; create `SovereignBedrockInvoker` in the workload
   * account's stack instead.
   * @default - no invoker role
   * @deprecated Create `SovereignBedrockInvoker` in the workload account's stack.
   */
  readonly invoker?: SovereignBedrockInvokerProps;

  /**
   * Enable Control Tower's OU Region deny (CT.MULTISERVICE.PV.1) on these OUs
   * with both Australian Regions allowed, so it cannot block the Melbourne legs
   * of `au.` calls (a `ControlTowerRegionDeny`). The posture's
   * `exemptPrincipalArns` are exempted from it too.
   * @default - no Region deny control
   */
  readonly controlTowerRegionDeny?: ControlTowerRegionDenyProps;
}

/**
 * The whole Australian Bedrock posture for a set of OUs or accounts: the
 * preventive SCP(s), in one slot by default; detective alarms when given a
 * CloudTrail log group; and optionally an invoker role. The one-line use is the
 * safe one:
 *
 * @example
 * new AuBedrockPosture(this, 'Posture', { targetIds: ['ou-ab12-34cd56ef'] });
 *
 * SCPs do not apply to the organization's management account: keep Bedrock
 * workloads out of it.
 */
export class AuBedrockPosture extends Construct {
  /** The SCP constructs (one, two, or none). */
  public readonly scps: ResidencyScp[];
  /** The detective controls, when `detection` was given. */
  public readonly alarm?: InferenceRegionAlarm;
  /** The invoker role, when `invoker` was given. */
  public readonly invoker?: SovereignBedrockInvoker;
  /** Every principal pattern the SCPs exempt. */
  public readonly exemptPrincipalArns: string[];
  /** The OU paths resolved at deploy time, in the order given. */
  public readonly organizationalUnitPaths: OrganizationalUnitPath[];
  /** Control Tower's OU Region deny, when `controlTowerRegionDeny` was given. */
  public readonly regionDeny?: ControlTowerRegionDeny;

  constructor(scope: Construct, id: string, props: AuBedrockPostureProps) {
    super(scope, id);
    const errors = new ValidationErrors();
    const where = (): void => errors.throwIfAny('AuBedrockPosture', this.node.path);
    checkPostureProps(props, errors);
    where();

    const mode = props.scpMode ?? PostureScpMode.SINGLE_POLICY;
    const ouPaths = props.organizationalUnitPaths ?? [];
    this.organizationalUnitPaths = ouPaths.flatMap((path, i) => buildPart(errors, () => `organizationalUnitPaths[${i}]`,
      () => new OrganizationalUnitPath(this, `OuPath${i}`, { path })) ?? []);
    const targetIds = [...(props.targetIds ?? []), ...this.organizationalUnitPaths.map((p) => p.organizationalUnitId)];

    const controlTower = (props.exemptControlTowerRoles ?? true) ? controlTowerRoleArnPatterns() : [];
    this.exemptPrincipalArns = [...controlTower, ...(props.exemptPrincipalArns ?? [])];
    // The SCPs see the Control Tower roles first; report the user's own items at the user's own indexes.
    const userTerms = (prop: string): string => prop.replace(/^exemptPrincipalArns\[(\d+)\]/, (_m, i) => `exemptPrincipalArns[${Number(i) - controlTower.length}]`);
    const common = {
      targetIds,
      exemptPrincipalArns: this.exemptPrincipalArns,
      exemptionScope: props.exemptionScope,
      acknowledgedAccountWideExemptions: props.acknowledgedAccountWideExemptions,
      quota: props.quota,
      allowedProfilePrefixes: props.allowedProfilePrefixes,
      allowedApplicationInferenceProfileArns: props.allowedApplicationInferenceProfileArns,
    };
    const profileLock = { denyGlobalCrossRegionInference: props.denyGlobalCrossRegionInference };
    const regionLock = {
      allowedRegions: props.allowedRegions,
      includeBedrockMantle: props.includeBedrockMantle,
      coveredServices: props.coveredServices,
      allowClaudePlatformOnAws: props.allowClaudePlatformOnAws,
      allowNovaAct: props.allowNovaAct,
      denySageMakerInferenceAbroad: props.denySageMakerInferenceAbroad,
      serviceSideInference: props.serviceSideInference,
      denyLongTermApiKeys: props.denyLongTermApiKeys,
    };
    const name = (suffix: string) => (props.policyName ? `${props.policyName}${suffix}` : undefined);
    const scps: Array<ResidencyScp | undefined> = [];
    switch (mode) {
      case PostureScpMode.SINGLE_POLICY:
        scps.push(buildPart(errors, userTerms, () => new AuBedrockResidencyScp(this, 'Scp', { ...common, ...profileLock, ...regionLock, policyName: props.policyName })));
        break;
      case PostureScpMode.SEPARATE_POLICIES:
        scps.push(buildPart(errors, userTerms, () => new AuOnlyInferenceScp(this, 'InferenceProfileScp', { ...common, ...profileLock, policyName: name('-inference-profiles') })));
        scps.push(buildPart(errors, userTerms, () => new RegionAllowlistScp(this, 'RegionScp', { ...common, ...regionLock, policyName: name('-regions') })));
        break;
      case PostureScpMode.NONE:
        break;
      default:
        // checkPostureProps refuses every other value; never fall through to "no SCP".
        errors.add('scpMode', `${JSON.stringify(mode)} is not a PostureScpMode`);
    }
    this.scps = scps.filter((s): s is ResidencyScp => s !== undefined);

    if (props.detection) this.alarm = buildPart(errors, (p) => `detection.${p}`, () => new InferenceRegionAlarm(this, 'Detection', props.detection!));
    if (props.invoker) {
      Annotations.of(this).addWarningV2('cdk-sovereign-bedrock:invokerInPostureStack',
        'invoker: the role is created in this posture\'s stack, which is deployed in the management account or a delegated '
        + 'administrator. SCPs never apply to the management account, and workloads should not run in either. Create '
        + 'SovereignBedrockInvoker in the workload account\'s stack instead (see docs/rollout.md).');
    }
    if (props.invoker) this.invoker = buildPart(errors, (p) => `invoker.${p}`, () => new SovereignBedrockInvoker(this, 'Invoker', props.invoker!));
    if (props.controlTowerRegionDeny) {
      const rd = props.controlTowerRegionDeny;
      const own = props.exemptPrincipalArns ?? [];
      const merged = [...new Set([...own, ...(rd.exemptPrincipalArns ?? [])])];
      // The posture's break-glass roles come first in the control's list: report each item where the user wrote it.
      const regionDenyTerms = (prop: string): string => prop.replace(/^exemptPrincipalArns\[(\d+)\]/, (_m, i) => (Number(i) < own.length
        ? `exemptPrincipalArns[${i}]`
        : `controlTowerRegionDeny.exemptPrincipalArns[${(rd.exemptPrincipalArns ?? []).indexOf(merged[Number(i)])}]`))
        .replace(/^(?!exemptPrincipalArns|controlTowerRegionDeny)/, 'controlTowerRegionDeny.');
      this.regionDeny = buildPart(errors, regionDenyTerms, () => new ControlTowerRegionDeny(this, 'RegionDeny', {
        ...rd,
        exemptControlTowerRoles: rd.exemptControlTowerRoles ?? props.exemptControlTowerRoles,
        exemptPrincipalArns: merged,
      }));
    }
    where();
    if (props.guardScpSlots) for (const scp of this.scps) ScpSlotGuard.protect(scp);
    const checks = props.checkExistingScps
      ? this.scps.map((scp) => ScpConflictCheck.protect(scp, { onConflict: props.onScpConflict, allowedRegions: props.allowedRegions }))
      : [];
    // The check then sees the organization as it will be: with this Region deny in force.
    if (this.regionDeny) for (const check of new Set(checks)) check.node.addDependency(this.regionDeny);
  }

  /** Attaches every SCP of the posture to one more root, OU or account. */
  public addTarget(targetId: string): void {
    for (const scp of this.scps) scp.addTarget(targetId);
  }
}
