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
  /**
   * Refuse a deploy-time list (a list token): the list shapes a policy whose
   * safety can only be checked on literal values. Its elements may still be
   * deploy-time values (a role's ARN).
   */
  readonly literalList?: boolean;
}

/** `a string`, `a number`, `null`, `an object`: for messages about wrongly typed values from untyped callers. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  const t = typeof value;
  return t === 'object' ? 'an object' : `a ${t}`;
}

/**
 * Checks a list prop element by element: `prop[i]: problem`, duplicates, and
 * emptiness when not allowed. A token element is passed through; a token list
 * too, unless `literalList`. Untyped callers get named errors, never a
 * TypeError: a string where a list belongs, `null` elements. `null` for the
 * whole list means "not given", as `undefined` does.
 */
export function checkList(
  prop: string, values: readonly string[] | undefined | null, rules: ListRules,
  errors: ValidationErrors, isUnresolved: IsUnresolved,
): void {
  if (values === undefined || values === null) return;
  if (isUnresolved(values)) {
    if (rules.literalList) {
      errors.add(prop, 'is a deploy-time list, which cannot be checked at synth time. Give a literal list (its elements may be deploy-time values)');
    }
    return;
  }
  if (!Array.isArray(values)) {
    errors.add(prop, `must be a list of strings, got ${describeType(values)}${typeof values === 'string' ? ` ("${values}"); wrap it in [ ]` : ''}`);
    return;
  }
  if (values.length === 0 && !rules.allowEmpty) {
    errors.add(prop, 'must not be empty');
    return;
  }
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (isUnresolved(value)) return;
    const at = `${prop}[${i}]`;
    if (typeof value !== 'string') {
      errors.add(at, `must be a string, got ${describeType(value)}`);
      return;
    }
    const problem = rules.check(value);
    if (problem) errors.add(at, problem);
    if (seen.has(value)) errors.add(at, `"${value}" is listed more than once`);
    seen.add(value);
  });
}

/** A boolean prop from an untyped caller: `"false"` is a string, and truthy. */
export function checkBoolean(prop: string, value: unknown, errors: ValidationErrors): void {
  if (value === undefined || value === null || typeof value === 'boolean') return;
  errors.add(prop, `must be true or false, got ${describeType(value)}${typeof value === 'string' ? ` ("${value}")` : ''}`);
}

/** A string enum prop from an untyped caller: `'single'` is not `PostureScpMode.SINGLE_POLICY`. */
export function checkEnum(prop: string, value: unknown, allowed: readonly string[], enumName: string, errors: ValidationErrors): void {
  if (value === undefined || value === null) return;
  if (typeof value === 'string' && allowed.includes(value)) return;
  const shown = typeof value === 'string' ? `"${value}"` : describeType(value);
  errors.add(prop, `${shown} is not a ${enumName}. Use one of ${allowed.map((a) => `${enumName}.${a}`).join(', ')}`);
}

/** A nested props object (`quota`, `detection`) from an untyped caller. */
export function checkObject(prop: string, value: unknown, errors: ValidationErrors): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'object' && !Array.isArray(value)) return true;
  errors.add(prop, `must be an object, got ${describeType(value)}`);
  return false;
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

export function checkPositiveInteger(prop: string, value: number | undefined, errors: ValidationErrors, min = 1, max?: number): void {
  if (value === undefined || value === null) return;
  const shown = typeof value === 'number' ? String(value) : `${describeType(value)}${typeof value === 'string' ? ` ("${value}")` : ''}`;
  if (!Number.isInteger(value) || value < min) {
    errors.add(prop, `must be an integer of at least ${min}${max === undefined ? '' : ` and at most ${max}`}, got ${shown}`);
  } else if (max !== undefined && value > max) {
    errors.add(prop, `must be at most ${max}, got ${shown}`);
  }
}

export function checkPolicyName(prop: string, name: string | undefined, errors: ValidationErrors, isUnresolved: IsUnresolved = NO_TOKENS): void {
  if (name === undefined || name === null || isUnresolved(name)) return;
  if (typeof name !== 'string') {
    errors.add(prop, `must be a string, got ${describeType(name)}`);
  } else if (!POLICY_NAME.test(name)) {
    errors.add(prop, `"${name}" is not a valid policy name. Use 1-128 printable ASCII characters`);
  }
}

export function checkPolicyDescription(
  prop: string, description: string | undefined, errors: ValidationErrors, isUnresolved: IsUnresolved = NO_TOKENS,
): void {
  if (description === undefined || description === null || isUnresolved(description)) return;
  if (typeof description !== 'string') {
    errors.add(prop, `must be a string, got ${describeType(description)}`);
  } else if (description.length > POLICY_DESCRIPTION_MAX) {
    errors.add(prop, `is ${description.length} characters long; Organizations accepts at most ${POLICY_DESCRIPTION_MAX}`);
  }
}

/**
 * Throws the library's validation error when an untyped caller passes no
 * props object at all (`undefined`, a string): a named problem instead of a
 * TypeError on the first prop read.
 */
export function assertPropsObject(source: string, constructPath: string | undefined, props: unknown, needs: string): void {
  if (typeof props === 'object' && props !== null && !Array.isArray(props)) return;
  const errors = new ValidationErrors();
  errors.add('props', `must be an object with ${needs}, got ${describeType(props)}`);
  errors.throwIfAny(source, constructPath);
}

/** A string prop from an untyped caller. */
export function checkString(prop: string, value: unknown, errors: ValidationErrors): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return true;
  errors.add(prop, `must be a string, got ${describeType(value)}`);
  return false;
}

/**
 * A prop that takes a construct or another library object (`ITopic`, `IVpc`,
 * `IPrincipal`, `Schedule`) from an untyped caller: an ARN string or `{}` in
 * its place would be read as "no value" further on (an alarm with no action)
 * or crash. `members` are what the library reads from it.
 */
export function checkObjectWith(prop: string, value: unknown, what: string, members: readonly string[], errors: ValidationErrors): boolean {
  if (value === undefined || value === null) return false;
  const o = value as Record<string, unknown>;
  if (typeof value === 'object' && !Array.isArray(value) && members.every((m) => o[m] !== undefined && o[m] !== null)) return true;
  const shown = typeof value === 'string' ? ` ("${value}")` : '';
  errors.add(prop, `must be ${what}, got ${describeType(value)}${shown}`);
  return false;
}
