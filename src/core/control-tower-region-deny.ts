import { controlTowerRoleArnPatterns } from './control-tower';
import { REGION_BOUND_PREFIXES } from './coverage';
import { wildcardMatch } from './evaluate/wildcard';
import { judgeExemptionPatterns } from './exemption-patterns';
import { checkExemptionBreadth } from './fail-open';
import { PRINCIPAL_ARN, PRINCIPAL_ARN_FORM } from './identifiers';
import { MELBOURNE, SYDNEY, unionRegions } from './regions';
import { ValidationErrors } from './validation-errors';
import { checkBoolean, checkList, describeType, IsUnresolved, regionProblem } from './validators';

/**
 * AWS Control Tower's OU Region deny control, as the control reference names it.
 *
 * @see https://docs.aws.amazon.com/controltower/latest/controlreference/ou-region-deny.html
 */
export const REGION_DENY_CONTROL_NAME = 'CT.MULTISERVICE.PV.1';

/**
 * The control's global (Control Catalog) ARN, `arn:aws:controlcatalog:::control/{ID}`.
 *
 * The ARN form is documented; this ID is not printed in the AWS pages we could
 * check (it appears in third-party material only). A wrong ID fails the
 * deployment ("control does not exist") rather than enabling something else,
 * and `controlIdentifier` overrides it. Confirm it before deploying with
 * `aws controlcatalog get-control --control-arn <this ARN>`: the answer's
 * `Aliases` should list CT.MULTISERVICE.PV.1.
 *
 * @see https://docs.aws.amazon.com/controltower/latest/controlreference/control-identifiers.html
 * @see https://docs.aws.amazon.com/controlcatalog/latest/APIReference/API_GetControl.html
 */
export const REGION_DENY_CONTROL_ARN = 'arn:aws:controlcatalog:::control/50utmyu7yqmhr8fpnpo8bnaj1';

/** The Regions every `au.` inference profile routes between: both must stay allowed. */
export const AUSTRALIAN_REGIONS: readonly string[] = [SYDNEY, MELBOURNE];

/**
 * Parameter keys of the OU Region deny control. AllowedRegions is mandatory;
 * each value is a list of strings.
 *
 * @see https://docs.aws.amazon.com/controlcatalog/latest/APIReference/API_ControlParameter.html
 */
export const REGION_DENY_PARAMETER = {
  ALLOWED_REGIONS: 'AllowedRegions',
  EXEMPTED_PRINCIPAL_ARNS: 'ExemptedPrincipalArns',
  EXEMPTED_ACTIONS: 'ExemptedActions',
} as const;

/** What a landing-zone team chooses; the Australian Regions are always added. */
export interface RegionDenyInput {
  /** Regions allowed besides ap-southeast-2 and ap-southeast-4 (for example us-east-1 for a global service console). */
  readonly additionalAllowedRegions?: readonly string[];
  /** Break-glass and pipeline roles exempt from the Region deny (`aws:PrincipalArn` patterns). */
  readonly exemptPrincipalArns?: readonly string[];
  /** Exempt Control Tower's own roles explicitly as well (the control exempts them by default). Default true. */
  readonly exemptControlTowerRoles?: boolean;
  /** IAM actions the Region deny leaves alone, like `logs:DescribeLogGroups`. */
  readonly exemptedActions?: readonly string[];
}

/** One `EnabledControlParameter`: the value is a list of strings for this control. */
export interface RegionDenyParameter {
  readonly key: string;
  readonly value: string[];
}

/** `arn:aws:organizations::111122223333:ou/o-abcdefghij/ou-ab12-34cd56ef`: the target form EnableControl takes. */
export const OU_ARN = /^arn:aws:organizations::\d{12}:ou\/o-[a-z0-9]{10,32}\/ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}$/;
export const OU_ARN_FORM = 'an OU ARN like arn:aws:organizations::111122223333:ou/o-abcdefghij/ou-ab12-34cd56ef';

/** An IAM action or action pattern, `service:Action`, wildcards allowed in the action part. */
const ACTION = /^[a-z0-9-]+:[A-Za-z0-9*?]+$/;

/** A principal that stands for every workload role: an exemption that matches it turns the control off. */
const WORKLOAD_ROLE = 'arn:aws:iam::111111111111:role/any-workload-role';

/** The Regions the control allows: both Australian Regions, then the user's, sorted and de-duplicated. */
export function regionDenyAllowedRegions(input: RegionDenyInput): string[] {
  return unionRegions(AUSTRALIAN_REGIONS, input.additionalAllowedRegions ?? []);
}

/** The exempted principals: Control Tower's roles (unless turned off), then the user's, de-duplicated. */
export function regionDenyExemptPrincipals(input: RegionDenyInput): string[] {
  return [...new Set([
    ...((input.exemptControlTowerRoles ?? true) ? controlTowerRoleArnPatterns() : []),
    ...(input.exemptPrincipalArns ?? []),
  ])];
}

/**
 * The control's parameters, in the EnableControl form. Empty lists are left out:
 * the control takes a missing optional parameter as "no exemptions".
 */
export function regionDenyParameters(input: RegionDenyInput): RegionDenyParameter[] {
  const params: RegionDenyParameter[] = [{ key: REGION_DENY_PARAMETER.ALLOWED_REGIONS, value: regionDenyAllowedRegions(input) }];
  const principals = regionDenyExemptPrincipals(input);
  if (principals.length > 0) params.push({ key: REGION_DENY_PARAMETER.EXEMPTED_PRINCIPAL_ARNS, value: principals });
  const actions = [...(input.exemptedActions ?? [])];
  if (actions.length > 0) params.push({ key: REGION_DENY_PARAMETER.EXEMPTED_ACTIONS, value: actions });
  return params;
}

/**
 * Everything wrong with a Region deny request, each under the prop it concerns;
 * and the legitimate-but-risky choices, returned as warnings.
 */
export function validateRegionDenyInput(
  input: RegionDenyInput & { readonly targetOuArns?: readonly string[] },
  errors: ValidationErrors,
  isUnresolved: IsUnresolved = () => false,
  requireTargets = false,
): string[] {
  const warnings: string[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    errors.add('props', `must be an object${requireTargets ? ' with at least targetOuArns' : ''}, got ${describeType(input)}`);
    return warnings;
  }
  if (input.targetOuArns === undefined || input.targetOuArns === null) {
    if (requireTargets) errors.add('targetOuArns', `is required: the OUs to enable the control on, as ${OU_ARN_FORM}`);
  } else {
    checkList('targetOuArns', input.targetOuArns, {
      allowEmpty: false,
      check: (a) => (OU_ARN.test(a) ? undefined : `"${a}" is not an OU ARN. Use ${OU_ARN_FORM} (Control Tower enables controls on OUs only)`),
      literalList: true,
    }, errors, isUnresolved);
  }
  checkBoolean('exemptControlTowerRoles', input.exemptControlTowerRoles, errors);
  checkList('additionalAllowedRegions', input.additionalAllowedRegions, {
    allowEmpty: true,
    literalList: true,
    check: (r) => regionProblem(r)
      ?? (AUSTRALIAN_REGIONS.includes(r) ? `"${r}" is always allowed; list only Regions besides ${AUSTRALIAN_REGIONS.join(' and ')}` : undefined),
  }, errors, isUnresolved);
  checkList('exemptPrincipalArns', input.exemptPrincipalArns, {
    allowEmpty: true,
    check: (a) => {
      if (!PRINCIPAL_ARN.test(a)) return `"${a}" is not a principal ARN pattern. Use ${PRINCIPAL_ARN_FORM}`;
      if (wildcardMatch(a, WORKLOAD_ROLE)) return `"${a}" matches every role, which turns the Region deny off. Name the break-glass roles`;
      return undefined;
    },
    literalList: true,
  }, errors, isUnresolved);
  // The same rules as the SCPs' exemptions: no account-wide pattern (there is no acknowledgement here), none matching ordinary roles.
  const exempt = Array.isArray(input.exemptPrincipalArns) && !isUnresolved(input.exemptPrincipalArns) ? input.exemptPrincipalArns : [];
  const refused = new Set(exempt.flatMap((a, i) => (typeof a === 'string' && !isUnresolved(a) && wildcardMatch(a, WORKLOAD_ROLE) ? [i] : [])));
  const breadth = new ValidationErrors();
  checkExemptionBreadth('exemptPrincipalArns', exempt.map((a, i) => (refused.has(i) ? '' : a)), undefined, undefined, breadth, isUnresolved);
  errors.addAll(breadth.problems);
  warnings.push(...judgeExemptionPatterns('exemptPrincipalArns', exempt, errors, isUnresolved, refused));
  checkList('exemptedActions', input.exemptedActions, {
    allowEmpty: true,
    literalList: true,
    check: (a) => {
      // A bare `*` or `*:*` fails the shape too: it would exempt everything.
      if (!ACTION.test(a)) return `"${a}" is not an IAM action. Use service:Action, like logs:DescribeLogGroups (wildcards allowed after the colon)`;
      return undefined;
    },
  }, errors, isUnresolved);
  const actions = Array.isArray(input.exemptedActions) && !isUnresolved(input.exemptedActions) ? input.exemptedActions : [];
  for (const a of actions) {
    if (typeof a !== 'string' || isUnresolved(a) || !ACTION.test(a)) continue;
    const prefix = a.split(':')[0];
    if ((REGION_BOUND_PREFIXES as readonly string[]).includes(prefix)) {
      warnings.push(`exemptedActions: "${a}" takes ${prefix} out of the Region deny, so only the residency SCP keeps those calls in Australia. `
        + 'Keep the posture (AuBedrockPosture or AuBedrockResidencyScp) attached to the same OUs; the Australian Regions are allowed anyway, so au. calls need no exemption');
    }
  }
  return warnings;
}
