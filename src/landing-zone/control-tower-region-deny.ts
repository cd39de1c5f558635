import { Annotations, Token } from 'aws-cdk-lib';
import { CfnEnabledControl } from 'aws-cdk-lib/aws-controltower';
import { Construct } from 'constructs';
import {
  REGION_DENY_CONTROL_ARN, regionDenyAllowedRegions, regionDenyExemptPrincipals, regionDenyParameters, validateRegionDenyInput,
} from '../core/control-tower-region-deny';
import { ValidationErrors } from '../core/validation-errors';
import { assertPropsObject, checkString } from '../core/validators';
import { hasTokens, recheckAtSynth, resolvedForChecks, TokenSpec } from '../private/tokens';

/**
 * How a token in each list is judged (docs/refusals.md): resolved at synth and
 * checked, or refused. An OU's ARN defined in the app may be a deploy-time value.
 */
const REGION_DENY_TOKEN_SPEC: TokenSpec = {
  additionalAllowedRegions: { rule: 'literal', what: 'the Region code (us-east-1)' },
  exemptPrincipalArns: { rule: 'principal', what: 'the principal ARN pattern (arn:aws:iam::*:role/BreakGlass) or a role\'s roleArn' },
  exemptedActions: { rule: 'literal', what: 'the action (logs:DescribeLogGroups)' },
};

/** Choices of the Region deny, without the OUs (what `AuBedrockPosture` takes). */
export interface ControlTowerRegionDenyOptions {
  /**
   * Regions allowed besides ap-southeast-2 and ap-southeast-4, which are always
   * allowed so the Melbourne legs of `au.` calls are served.
   * @default - none: only the two Australian Regions
   */
  readonly additionalAllowedRegions?: string[];

  /**
   * Break-glass and pipeline roles the Region deny exempts (`aws:PrincipalArn`
   * patterns such as `arn:aws:iam::*:role/BreakGlassAdmin`). A pattern that
   * matches every role is refused: it would turn the control off.
   * @default - none besides the Control Tower roles
   */
  readonly exemptPrincipalArns?: string[];

  /**
   * Pass Control Tower's own roles (AWSControlTowerExecution,
   * aws-controltower-ConfigRecorderRole, aws-controltower-ForwardSnsNotificationRole,
   * AWSControlTower_VPCFlowLogsRole) as exempted principals too. The control
   * exempts them by default already; listing them keeps them exempt whatever a
   * later version of the control does.
   * @default true
   */
  readonly exemptControlTowerRoles?: boolean;

  /**
   * IAM actions the Region deny leaves alone, like `logs:DescribeLogGroups`.
   * Exempting Bedrock actions is not needed for `au.` calls (both Australian
   * Regions are allowed) and draws a warning.
   * @default - none
   */
  readonly exemptedActions?: string[];

  /**
   * The control's ARN. The default is the Control Catalog (global) ARN of
   * CT.MULTISERVICE.PV.1; confirm it with `aws controlcatalog get-control` or
   * give the Regional ARN your console shows.
   * @default - arn:aws:controlcatalog:::control/50utmyu7yqmhr8fpnpo8bnaj1
   */
  readonly controlIdentifier?: string;
}

/** Props of `ControlTowerRegionDeny`. */
export interface ControlTowerRegionDenyProps extends ControlTowerRegionDenyOptions {
  /**
   * The OUs to enable the control on, as the OU ARNs Control Tower expects:
   * `arn:aws:organizations::MANAGEMENT_ACCOUNT:ou/o-ORG/ou-ROOT-OU`. The OUs
   * must be registered with Control Tower.
   */
  readonly targetOuArns: string[];
}

/**
 * Enables AWS Control Tower's OU Region deny control (CT.MULTISERVICE.PV.1)
 * with both Australian Regions allowed, so the Region deny and the residency
 * posture agree: the Melbourne legs of `au.` calls are served, everything else
 * outside the allowed Regions stays denied. Control Tower's roles and the
 * break-glass roles you name are exempt.
 *
 * One `AWS::ControlTower::EnabledControl` per OU, each waiting for the previous
 * one: Control Tower runs a limited number of control operations at once.
 * Deploy in the management account, in the Control Tower home Region.
 *
 * Allowing ap-southeast-4 opens Melbourne to every service for these OUs; the
 * posture's SCP still keeps direct Bedrock calls in Sydney unless its
 * `allowedRegions` lists Melbourne. If the landing-zone Region deny (GRREGIONDENY)
 * is on, Melbourne must also be a governed Region of the landing zone, or that
 * control still blocks the Melbourne legs.
 *
 * @see https://docs.aws.amazon.com/controltower/latest/controlreference/ou-region-deny.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-controltower-enabledcontrol.html
 *
 * @example
 * new ControlTowerRegionDeny(this, 'RegionDeny', {
 *   targetOuArns: ['arn:aws:organizations::111122223333:ou/o-abcdefghij/ou-ab12-34cd56ef'],
 *   exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlassAdmin'],
 * });
 */
export class ControlTowerRegionDeny extends Construct {
  /** The Regions the control allows, both Australian Regions included, sorted. */
  public readonly allowedRegions: string[];
  /** The principals the control exempts (besides those it exempts by itself). */
  public readonly exemptPrincipalArns: string[];
  /** One enabled control per OU, in the order given. */
  public readonly enabledControls: CfnEnabledControl[];
  /** The control ARN used. */
  public readonly controlIdentifier: string;

  constructor(scope: Construct, id: string, props: ControlTowerRegionDenyProps) {
    super(scope, id);
    const errors = new ValidationErrors();
    assertPropsObject('ControlTowerRegionDeny', this.node.path, props, 'at least targetOuArns');
    const view = resolvedForChecks(this, props, REGION_DENY_TOKEN_SPEC, errors);
    const warnings = validateRegionDenyInput(view, errors, Token.isUnresolved, true);
    const controlIdentifier = props.controlIdentifier ?? REGION_DENY_CONTROL_ARN;
    // The pattern the Control Catalog API reference gives for control ARNs.
    if (checkString('controlIdentifier', controlIdentifier, errors) && !Token.isUnresolved(controlIdentifier) && !/^arn:aws(-[a-z]+)*:(controlcatalog|controltower):[a-zA-Z0-9-]*::control\/[0-9a-zA-Z_-]+$/.test(controlIdentifier)) {
      errors.add('controlIdentifier', `"${controlIdentifier}" is not a control ARN. Use arn:aws:controlcatalog:::control/ID or arn:aws:controltower:REGION::control/ID`);
    }
    errors.throwIfAny(`ControlTowerRegionDeny at ${this.node.path}`);
    if (hasTokens(props, REGION_DENY_TOKEN_SPEC)) {
      recheckAtSynth(this, 'ControlTowerRegionDeny', (e) => validateRegionDenyInput(resolvedForChecks(this, props, REGION_DENY_TOKEN_SPEC, e), e, Token.isUnresolved, true));
    }
    for (const w of warnings) {
      Annotations.of(this).addWarningV2(w.startsWith('exemptedActions') ? 'cdk-sovereign-bedrock:region-deny-exempts-bedrock' : 'cdk-sovereign-bedrock:wildcard-exemption', w);
    }

    this.controlIdentifier = controlIdentifier;
    this.allowedRegions = regionDenyAllowedRegions(props);
    this.exemptPrincipalArns = regionDenyExemptPrincipals(props);
    const parameters = regionDenyParameters(props);
    this.enabledControls = [];
    props.targetOuArns.forEach((targetIdentifier, i) => {
      const control = new CfnEnabledControl(this, `Ou${i}`, { controlIdentifier, targetIdentifier, parameters });
      const previous = this.enabledControls[i - 1];
      if (previous) control.node.addDependency(previous);
      this.enabledControls.push(control);
    });
  }
}
