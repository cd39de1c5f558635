import {
  APPLICATION_PROFILE_ARN, APPLICATION_PROFILE_ARN_FORM, POLICY_DESCRIPTION_MAX, POLICY_NAME,
  PRINCIPAL_ARN, PRINCIPAL_ARN_FORM, REGION_SHAPE, TARGET_ID_FORM, targetKind,
} from './identifiers';
import { SYSTEM_PROFILE_PREFIXES, isSystemProfilePrefix } from './inference-profiles';
import { COMMERCIAL_REGIONS, isKnownRegion } from './regions';
import { ValidationErrors } from './validation-errors';

/**
 * Tells whether a value is a deploy-time placeholder (a CDK token) that only
 * CloudFormation can resolve. The core knows nothing of CDK: constructs pass
 * `Token.isUnresolved`; plain callers get "nothing is a token".
 */
export type IsUnresolved = (value: unknown) => boolean;
const NO_TOKENS: IsUnresolved = () => false;

/** Returns a problem with one element, or undefined when it is acceptable. */
export type ElementCheck = (value: string) => string | undefined;

export interface ListRules {
  readonly allowEmpty: boolean;
  readonly check: ElementCheck;
}

/**
 * Checks a list prop element by element: `prop[i]: problem`, duplicates, and
 * emptiness when not allowed. A token list, or a token element, is passed through.
 */
export function checkList(
  prop: string, values: readonly string[] | undefined, rules: ListRules,
  errors: ValidationErrors, isUnresolved: IsUnresolved,
): void {
  if (values === undefined) return;
  if (isUnresolved(values)) return;
  if (values.length === 0 && !rules.allowEmpty) {
    errors.add(prop, 'must not be empty');
    return;
  }
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (isUnresolved(value)) return;
    const at = `${prop}[${i}]`;
    if (typeof value !== 'string') {
      errors.add(at, `must be a string, got ${typeof value}`);
      return;
    }
    const problem = rules.check(value);
    if (problem) errors.add(at, problem);
    if (seen.has(value)) errors.add(at, `"${value}" is listed more than once`);
    seen.add(value);
  });
}

export function checkTargetIds(
  prop: string, ids: readonly string[] | undefined, errors: ValidationErrors, isUnresolved: IsUnresolved = NO_TOKENS,
): void {
  checkList(prop, ids, {
    allowEmpty: false,
    check: (id) => (targetKind(id) ? undefined : `"${id}" is not a valid target. Use ${TARGET_ID_FORM}`),
  }, errors, isUnresolved);
}

/** A single target ID, for `addTarget()` after construction. */
export function checkTargetId(prop: string, id: string, errors: ValidationErrors, isUnresolved: IsUnresolved = NO_TOKENS): void {
  if (isUnresolved(id)) return;
  if (!targetKind(id)) errors.add(prop, `"${id}" is not a valid target. Use ${TARGET_ID_FORM}`);
}

export function regionProblem(region: string): string | undefined {
  if (isKnownRegion(region)) return undefined;
  const shape = REGION_SHAPE.test(region)
    ? `"${region}" is not a known AWS commercial Region`
    : `"${region}" is not a Region name`;
  return `${shape}. Use a Region code like ap-southeast-2; known Regions: ${COMMERCIAL_REGIONS.join(', ')}`;
}

export function checkRegions(
  prop: string, regions: readonly string[] | undefined, errors: ValidationErrors, isUnresolved: IsUnresolved = NO_TOKENS,
): void {
  checkList(prop, regions, { allowEmpty: false, check: regionProblem }, errors, isUnresolved);
}

export function checkProfilePrefixes(prop: string, prefixes: readonly string[] | undefined, errors: ValidationErrors): void {
  checkList(prop, prefixes, {
    allowEmpty: false,
    check: (p) => (isSystemProfilePrefix(p)
      ? undefined
      : `"${p}" is not a system inference profile prefix. Use one of ${SYSTEM_PROFILE_PREFIXES.join(', ')} (with the trailing dot)`),
  }, errors, NO_TOKENS);
}

export function checkPrincipalArns(
  prop: string, arns: readonly string[] | undefined, errors: ValidationErrors, isUnresolved: IsUnresolved = NO_TOKENS,
): void {
  checkList(prop, arns, {
    allowEmpty: true,
    check: (a) => (PRINCIPAL_ARN.test(a) ? undefined : `"${a}" is not a principal ARN pattern. Use ${PRINCIPAL_ARN_FORM}`),
  }, errors, isUnresolved);
}

export function checkApplicationProfileArns(
  prop: string, arns: readonly string[] | undefined, errors: ValidationErrors, isUnresolved: IsUnresolved = NO_TOKENS,
): void {
  checkList(prop, arns, {
    allowEmpty: true,
    check: (a) => {
      const m = APPLICATION_PROFILE_ARN.exec(a);
      if (!m) return `"${a}" is not an application inference profile ARN. Use ${APPLICATION_PROFILE_ARN_FORM}`;
      return isKnownRegion(m[1]) ? undefined : `"${a}" names an unknown Region "${m[1]}"`;
    },
  }, errors, isUnresolved);
}

export function checkPositiveInteger(prop: string, value: number | undefined, errors: ValidationErrors, min = 1): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min) {
    errors.add(prop, `must be an integer of at least ${min}, got ${value}`);
  }
}

export function checkPolicyName(prop: string, name: string | undefined, errors: ValidationErrors, isUnresolved: IsUnresolved = NO_TOKENS): void {
  if (name === undefined || isUnresolved(name)) return;
  if (!POLICY_NAME.test(name)) {
    errors.add(prop, `"${name}" is not a valid policy name. Use 1-128 printable ASCII characters`);
  }
}

export function checkPolicyDescription(
  prop: string, description: string | undefined, errors: ValidationErrors, isUnresolved: IsUnresolved = NO_TOKENS,
): void {
  if (description === undefined || isUnresolved(description)) return;
  if (description.length > POLICY_DESCRIPTION_MAX) {
    errors.add(prop, `is ${description.length} characters long; Organizations accepts at most ${POLICY_DESCRIPTION_MAX}`);
  }
}
